#!/usr/bin/python3
"""Degree distribution, mixing and dynamics of the community network (docs/network.md).

usage: /usr/bin/python3 results/network_stats.py RUN.h5 FIGURE.png

RUN.h5 is a `pathways run` file with a persons table and at least one network
snapshot, e.g.
  build/release/sim/pathways run scenarios/baseline.toml --set network.output.snapshot_every=52w -o RUN.h5
Prints the figures quoted in docs/network.md and draws its figure.
"""
import h5py, numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import sys
if len(sys.argv) != 3:
    sys.exit('usage: /usr/bin/python3 results/network_stats.py RUN.h5 FIGURE.png')
f = h5py.File(sys.argv[1], 'r')
g = f['scenarios/baseline']
p = g['persons/replicate_0']
age = p['age_at_release'][:]; pri = p['prior_arrests'][:]; arrests = p['arrests'][:]
out = {}
for t in ['family','prosocial','antisocial']:
    x = p[f'{t}_ties_at_release'][:]
    print(t, 'mean %.2f var %.2f zero %.1f%% p50 %d p90 %d max %d' % (x.mean(), x.var(), 100*(x==0).mean(), np.percentile(x,50), np.percentile(x,90), x.max()))
    out[t] = x
a = out['antisocial']
for lo,hi in [(0,25),(25,40),(40,55),(55,99)]:
    m = (age>=lo)&(age<hi); print(f'age {lo}-{hi}: antisocial mean {a[m].mean():.2f}  family {out["family"][m].mean():.2f}')
for lo,hi in [(0,5),(5,10),(10,999)]:
    m=(pri>=lo)&(pri<hi); print(f'priors {lo}-{hi}: antisocial mean {a[m].mean():.2f}')
tot = out['family']+out['prosocial']+a
share = np.where(tot>0, a/np.maximum(tot,1), 0)
print('antisocial share at release mean %.3f, share>0.5: %.1f%%' % (share.mean(), 100*(share>0.5).mean()))
# released-peer ties from the first snapshot
s = sorted(g['network_snapshots'].keys(), key=lambda k:int(k.split('_')[1]))
sn = g['network_snapshots'][s[0]]
src = sn['source'][:]; tgt = sn['target'][:]; ty = sn['type'][:]
n = len(age)
rr = tgt < n
deg_rr = np.bincount(src[rr], minlength=n)
print('snapshot', s[0], 'released-peer degree mean %.2f, with any %.1f%%' % (deg_rr.mean(), 100*(deg_rr>0).mean()))
print('age correlation of released peers: %.3f' % np.corrcoef(age[src[rr]], age[tgt[rr]])[0,1])
print('prior-arrest correlation of released peers: %.3f' % np.corrcoef(np.sqrt(pri[src[rr]]), np.sqrt(pri[tgt[rr]]))[0,1])
# arrests by antisocial ties at release
for k in [0,1,2,3,4,6]:
    m = a==k if k<6 else a>=6
    print(f'antisocial {k}{"+" if k==6 else ""}: n {m.sum()}, mean arrests {arrests[m].mean():.2f}, any {100*(arrests[m]>0).mean():.1f}%')
fig, ax = plt.subplots(1,2, figsize=(10,3.6))
for t,c in [('family','tab:green'),('prosocial','tab:blue'),('antisocial','tab:red')]:
    x = out[t]; k = np.arange(0, 11)
    ax[0].plot(k, [100*(x==v).mean() for v in k], marker='o', color=c, label=t)
ax[0].set_xlabel('ties at release'); ax[0].set_ylabel('% of the cohort'); ax[0].legend(); ax[0].set_title('Degree at release, by tie type')
n_ = g['network']
months = np.arange(1, n_['antisocial_share_by_month'].shape[1]+1)
ax[1].plot(months, n_['antisocial_share_by_month'][0], color='tab:red', label='antisocial share')
ax2 = ax[1].twinx()
for t,c in [('antisocial','tab:red'),('coworker','tab:orange'),('family','tab:green')]:
    ax2.plot(months, n_[f'{t}_ties_by_month'][0], ls='--', color=c, label=f'{t} ties/person')
ax[1].set_xlabel('months since release'); ax[1].set_ylabel('mean antisocial share'); ax2.set_ylabel('ties per person')
ax[1].set_title('Network over follow-up (persons in the community)')
h1,l1 = ax[1].get_legend_handles_labels(); h2,l2 = ax2.get_legend_handles_labels(); ax[1].legend(h1+h2, l1+l2, fontsize=7, loc='center right')
fig.tight_layout(); fig.savefig(sys.argv[2], dpi=110)
print('wrote', sys.argv[2])
