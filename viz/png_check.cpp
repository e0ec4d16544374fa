// viewer_png_check FILE [MIN_WIDTH MIN_HEIGHT [RRGGBB:MIN_PIXELS ...]]: exits 0
// when FILE is a PNG of at least that size whose pixels are far from uniform (a
// real rendered frame, not a blank or a single colour) and, for each
// RRGGBB:MIN_PIXELS, holds at least MIN_PIXELS pixels within 6 of that colour
// in each channel (something the test expects was drawn, e.g. the ego
// network's antisocial ties); used by the viewer's CTest tests.
#include <stb_image.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: viewer_png_check FILE [MIN_WIDTH MIN_HEIGHT]\n");
    return 2;
  }
  const int min_w = argc > 3 ? std::atoi(argv[2]) : 320, min_h = argc > 3 ? std::atoi(argv[3]) : 240;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
  if (px == nullptr) {
    std::fprintf(stderr, "%s: not a readable image: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  struct Wanted {
    int r, g, b;
    long long min_pixels, found = 0;
    std::string text;
  };
  std::vector<Wanted> wanted;
  for (int a = 4; a < argc; ++a) {
    unsigned rgb = 0;
    long long m = 0;
    if (std::sscanf(argv[a], "%6x:%lld", &rgb, &m) != 2) {
      std::fprintf(stderr, "%s: expected RRGGBB:MIN_PIXELS\n", argv[a]);
      return 2;
    }
    wanted.push_back(
        {static_cast<int>(rgb >> 16), static_cast<int>((rgb >> 8) & 255), static_cast<int>(rgb & 255), m, 0, argv[a]});
  }
  double sum = 0, sum2 = 0;
  std::set<unsigned> colours;
  const long long count = static_cast<long long>(w) * h;
  for (long long i = 0; i < count; ++i) {
    const unsigned char* p = px + i * 3;
    const double lum = 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
    sum += lum;
    sum2 += lum * lum;
    if (colours.size() < 100000) colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
    for (auto& c : wanted) {
      c.found += std::abs(p[0] - c.r) <= 6 && std::abs(p[1] - c.g) <= 6 && std::abs(p[2] - c.b) <= 6;
    }
  }
  stbi_image_free(px);
  const double mean = sum / count, sd = std::sqrt(std::max(0.0, sum2 / count - mean * mean));
  std::printf("%s: %dx%d, luminance mean %.1f sd %.1f, %zu distinct colours\n", argv[1], w, h, mean, sd,
              colours.size());
  if (w < min_w || h < min_h) {
    std::fprintf(stderr, "too small: %dx%d < %dx%d\n", w, h, min_w, min_h);
    return 1;
  }
  if (sd < 10 || colours.size() < 50) {
    std::fprintf(stderr, "near-uniform image: nothing was drawn\n");
    return 1;
  }
  for (const auto& c : wanted) {
    std::printf("colour %s: %lld pixels\n", c.text.c_str(), c.found);
    if (c.found < c.min_pixels) {
      std::fprintf(stderr, "colour %s: only %lld pixels (expected at least %lld)\n", c.text.c_str(), c.found,
                   c.min_pixels);
      return 1;
    }
  }
  return 0;
}
