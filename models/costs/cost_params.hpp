// Unit prices of public and victim costs (models/costs/costs.hpp applies them).
//
// Every price is a Money parameter: US dollars at kPriceBaseYear (2023) prices.
// Scenarios may write any price year ("33274 USD 2015"); it is converted at load
// with the CPI-U. The defaults below are already in 2023 dollars, converted from
// the cited figure with CPI-U annual averages (1993 144.5, 2008 215.303, 2011 224.939,
// 2015 237.017, 2023 304.702); a year of custody is 365 days, a week 7.
// Costs are undiscounted.
#pragma once

#include "sim/engine/params/param.hpp"

namespace pw {

struct CostParams {
  double prison_bed_week = 0, jail_bed_week = 0;                         // one person held for one week
  double supervision_standard_week = 0, supervision_intensive_week = 0;  // one person supervised for one week
  double courts_per_arrest = 0;
  double victim_violent = 0, victim_property = 0, victim_drug = 0, victim_public_order = 0;  // per offence
  double transitional_bed_week = 0, shelter_bed_week = 0, voucher_week = 0, public_housing_week = 0;
  double tax_credit_per_hire = 0, bond_per_hire = 0;
  double tax_rate_on_earnings = 0;
  double id_issued_before_release = 0, benefits_filed_before_release = 0, enrolled_before_release = 0;

  template <class V>
  void visit(V& v) {
    // The schema is a table, aligned by hand.
    // clang-format off
    v(prison_bed_week,
      {.path = "costs.prison_bed_week", .unit = Unit::Money, .def = 820.36, .lo = 0, .hi = 1e6,
       .description = "cost of holding one person in prison for one week (average, not marginal, cost)",
       .source = "Mai & Subramanian (2017), The Price of Prisons: Examining State Spending Trends 2010-2015, Vera "
                 "Institute of Justice: $33,274 per inmate-year in 2015 dollars (45 states) = $42,776 in 2023 dollars, "
                 "x 7/365"});
    v(jail_bed_week,
      {.path = "costs.jail_bed_week", .unit = Unit::Money, .def = 784.02, .lo = 0, .hi = 1e6,
       .description = "cost of holding one person in jail (awaiting court) for one week",
       .source = "Subramanian et al. (2015), Incarceration's Front Door: The Misuse of Jails in America, Vera Institute "
                 "of Justice: local jail spending $22.2 billion in 2011, divided by the 735,601 persons held at midyear "
                 "2011 (BJS, Jail Inmates at Midyear 2011) = $30,179 per inmate-year in 2011 dollars = $40,881 in 2023 "
                 "dollars, x 7/365"});
    v(supervision_standard_week,
      {.path = "costs.supervision_standard_week", .unit = Unit::Money, .def = 74.00, .lo = 0, .hi = 1e5,
       .description = "cost of one person on standard post-release supervision for one week",
       .source = "Pew Center on the States (2009), One in 31: The Long Reach of American Corrections: parole $7.47 per "
                 "offender-day in FY2008 (probation $3.42; released prisoners are on parole) x 7 = $52.29 in 2008 "
                 "dollars = $74.00 in 2023 dollars"});
    v(supervision_intensive_week,
      {.path = "costs.supervision_intensive_week", .unit = Unit::Money, .def = 222.00, .lo = 0, .hi = 1e5,
       .description = "cost of one person on intensive supervision for one week",
       .source = "assumption: 3 x costs.supervision_standard_week, for caseloads about a third of standard ones in "
                 "intensive-supervision programmes (Petersilia & Turner 1993, NIJ Research in Brief)"});
    v(courts_per_arrest,
      {.path = "costs.courts_per_arrest", .unit = Unit::Money, .def = 3000, .lo = 0, .hi = 1e6,
       .description = "cost of processing one arrest: police booking, prosecution, defence and court hearings "
                      "(custody is costed separately, by bed-weeks)",
       .source = "assumption (order of magnitude of a felony case); replace with local marginal costs, e.g. the police "
                 "and court costs of the WSIPP benefit-cost technical documentation"});
    v(victim_violent,
      {.path = "costs.victim_violent", .unit = Unit::Money, .def = 32471, .lo = 0, .hi = 1e8,
       .description = "cost to the victim of one violent offence, detected or not (one NCVS violent victimization: "
                      "rape or sexual assault, robbery, aggravated or simple assault, attempts included): tangible "
                      "losses and pain and suffering",
       .source = "Miller, Cohen & Wiersema (1996), Victim Costs and Consequences: A New Look, NIJ, table 2, losses per "
                 "victimization in 1993 dollars (tangible + quality of life): rape and sexual assault 87,000; robbery "
                 "or attempt 8,000; assault or attempt 9,400; weighted as NCVS 2019 violent victimizations (Morgan & "
                 "Truman 2020, NCJ 255113: 459k rape/sexual assault, 534k robbery, 4,820k aggravated and simple "
                 "assault) = $15,399 in 1993 dollars = $32,471 in 2023 dollars (CPI-U 1993 144.5). The weights must "
                 "be victimizations because justice.offending.detection_violent is the NCVS reporting rate of all "
                 "violent victimizations (simple assault included) x clearance: an offence here is a victimization, "
                 "most of them simple assaults. Until 2026-11 the default was 119,683 (McCollister, French & Fang "
                 "2010: aggravated assault and robbery only, weighted as UCR offences known), which priced every "
                 "simple assault as an aggravated one. Homicide is left out (conservative)"});
    v(victim_property,
      {.path = "costs.victim_property", .unit = Unit::Money, .def = 1834, .lo = 0, .hi = 1e8,
       .description = "cost to the victim of one property offence, detected or not: tangible losses and pain and "
                      "suffering",
       .source = "McCollister, French & Fang (2010), table 5, 2008 dollars, victim (tangible) + intangible cost: "
                 "household burglary 1,362 + 321 = 1,683; larceny/theft 480 + 10 = 490; motor vehicle theft 6,114 + "
                 "262 = 6,376; weighted 16.1% / 73.4% / 10.4% as FBI UCR 2019 offences known (1,117,696 burglaries, "
                 "5,086,096 larceny-thefts, 721,885 vehicle thefts) = $1,296 in 2008 dollars = $1,834 in 2023 dollars"});
    v(victim_drug,
      {.path = "costs.victim_drug", .unit = Unit::Money, .def = 0, .lo = 0, .hi = 1e8,
       .description = "cost to victims of one drug offence",
       .source = "0 by convention: no direct victim; McCollister, French & Fang (2010) give no victim cost for drug "
                 "offences"});
    v(victim_public_order,
      {.path = "costs.victim_public_order", .unit = Unit::Money, .def = 0, .lo = 0, .hi = 1e8,
       .description = "cost to victims of one public-order offence",
       .source = "0 by convention: no identifiable victim; McCollister, French & Fang (2010) price no public-order "
                 "offence"});
    v(transitional_bed_week,
      {.path = "costs.transitional_bed_week", .unit = Unit::Money, .def = 560, .lo = 0, .hi = 1e5,
       .description = "cost of one transitional or halfway-house bed for one week",
       .source = "assumption: about $80 per bed-day, the order of residential reentry centre per diems"});
    v(shelter_bed_week,
      {.path = "costs.shelter_bed_week", .unit = Unit::Money, .def = 350, .lo = 0, .hi = 1e5,
       .description = "cost of one homeless-shelter bed for one week",
       .source = "assumption: about $50 per bed-night for single-adult shelters (Culhane et al. 2011 report $30-60)"});
    v(voucher_week,
      {.path = "costs.voucher_week", .unit = Unit::Money, .def = 300, .lo = 0, .hi = 1e5,
       .description = "public cost of one housing voucher (rent subsidy and support services) for one week",
       .source = "assumption: a Housing Choice Voucher's average subsidy (about $1,000 a month, HUD 2023) plus light "
                 "support services"});
    v(public_housing_week,
      {.path = "costs.public_housing_week", .unit = Unit::Money, .def = 150, .lo = 0, .hi = 1e5,
       .description = "public operating and capital cost of one public-housing unit for one week",
       .source = "assumption (HUD operating fund and capital fund per unit, order of magnitude)"});
    v(tax_credit_per_hire,
      {.path = "costs.tax_credit_per_hire", .unit = Unit::Money, .def = 2400, .lo = 0, .hi = 1e6,
       .description = "public cost of one hiring tax credit claimed (per hire)",
       .source = "Work Opportunity Tax Credit maximum for a qualified ex-felon: $2,400 (26 U.S.C. 51)"});
    v(bond_per_hire,
      {.path = "costs.bond_per_hire", .unit = Unit::Money, .def = 100, .lo = 0, .hi = 1e6,
       .description = "public cost of one fidelity bond (six months of cover)",
       .source = "assumption: the Federal Bonding Program buys $5,000 bonds for about $100"});
    v(id_issued_before_release,
      {.path = "costs.id_issued_before_release", .unit = Unit::Money, .def = 100, .lo = 0, .hi = 1e5,
       .description = "public cost of issuing one state ID before release (coordination.id.issued_before_release): "
                      "fees for the ID and the birth certificate, and staff time",
       .source = "assumption: state ID card fees of about $10-50 and a certified birth certificate of about $20 "
                 "(CSG Justice Center 2016 on fee waivers), plus one to two hours of corrections staff time"});
    v(benefits_filed_before_release,
      {.path = "costs.benefits_filed_before_release", .unit = Unit::Money, .def = 100, .lo = 0, .hi = 1e5,
       .description = "public cost of filing one person's Medicaid and SNAP applications before release "
                      "(coordination.benefits.filed_before_release); the benefits themselves are transfers, not "
                      "counted",
       .source = "assumption: two to three hours of a benefits navigator's time (Burns et al. 2021 describe the "
                 "Wisconsin pre-release enrolment assistance but give no unit cost)"});
    v(enrolled_before_release,
      {.path = "costs.enrolled_before_release", .unit = Unit::Money, .def = 150, .lo = 0, .hi = 1e5,
       .description = "public cost of enrolling one person with community services by in-reach before release "
                      "(coordination.enrolment.before_release)",
       .source = "assumption: one provider intake visit and its scheduling"});
    v(tax_rate_on_earnings,
      {.path = "costs.tax_rate_on_earnings", .unit = Unit::Probability, .def = 0.15,
       .description = "share of earnings returned to the public purse as payroll, income and sales taxes (counted "
                      "as a negative cost)",
       .source = "assumption: employee and employer payroll taxes (15.3%) less refundable credits, plus state income "
                 "and sales taxes, for low earners"});
    // clang-format on
  }
};

}  // namespace pw
