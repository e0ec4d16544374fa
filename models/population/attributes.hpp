// Static attributes of released persons: who they are when they leave prison.
//
// Owned by the population model; set once at synthesis and read (never written)
// by every other sub-model. One column per attribute, indexed by person id.
// Ages are in years at release; the current age in week t is
// age_at_release + t / 52.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pw {

enum class Sex : std::uint8_t { Male = 0, Female = 1 };
enum class Education : std::uint8_t { None = 0, Secondary = 1, PostSecondary = 2 };
enum class OffenceType : std::uint8_t { Violent = 0, Property = 1, Drug = 2, PublicOrder = 3 };
enum class Admission : std::uint8_t { NewCourtCommitment = 0, SupervisionViolator = 1, Other = 2 };

inline constexpr int kOffenceTypes = 4;
inline constexpr std::string_view kOffenceNames[kOffenceTypes] = {"violent", "property", "drug", "public_order"};

struct Population {
  std::vector<std::uint8_t> sex;                      // Sex
  std::vector<std::uint8_t> group;                    // community / cultural group, 0 or 1
  std::vector<std::uint8_t> education;                // Education
  std::vector<std::uint8_t> commitment_offence;       // OffenceType of the sentence just served
  std::vector<std::uint8_t> admission;                // Admission type of the term just served
  std::vector<std::uint8_t> released_to_supervision;  // 1 = conditional release
  std::vector<float> age_at_release;                  // years
  std::vector<float> age_first_arrest;                // years
  std::vector<float> months_served;                   // months, the term just served
  std::vector<std::uint16_t> prior_arrests;           // arrests before release, including the commitment arrest

  [[nodiscard]] std::size_t size() const { return sex.size(); }
  void resize(std::size_t n);
};

inline void Population::resize(std::size_t n) {
  sex.resize(n);
  group.resize(n);
  education.resize(n);
  commitment_offence.resize(n);
  admission.resize(n);
  released_to_supervision.resize(n);
  age_at_release.resize(n);
  age_first_arrest.resize(n);
  months_served.resize(n);
  prior_arrests.resize(n);
}

}  // namespace pw
