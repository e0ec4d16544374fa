// Placeholder for the Dear ImGui viewer (issue 8). It links the same library as
// the CLI and will render a scenario live; for now it says so and exits.
#include <cstdio>

int main() {
  std::puts("pathways-viewer is not built yet (issue 8); use `pathways run` and `pathways inspect`.");
  return 0;
}
