// An event as extract finds it in one document, and its JSON Lines form.
//
// Every field that comes from the text carries the byte span [begin, end) of
// the phrase it came from, as offsets into Document::text. The JSON format is
// documented in docs/event-format.md; its version is kEventFormatVersion.
#ifndef ENTENTE_EVENT_H_
#define ENTENTE_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/date.h"

namespace entente {

inline constexpr int kEventFormatVersion = 1;

enum class Role { kSource, kTarget, kParticipant };
const char* RoleName(Role role);  // "source", "target", "participant"

struct Actor {
  std::string name;     // canonical English name of the person or organization; "" for a country alone
  std::string country;  // ISO 3166-1 alpha-3; "" for an international organization
  std::string org;      // organization code ("UN", "SCO"); "" otherwise
  std::string office;   // office held on the event's date ("President of Russia"); may be empty
  Role role = Role::kParticipant;
  std::string text;     // the phrase that named the actor
  uint32_t begin = 0;   // byte span of `text` in the article
  uint32_t end = 0;
};

struct EventDate {
  Date from;
  Date to;
  // "day", "week", "month", "season", "quarter", "year", "decade", or
  // "publication" when the text gives no date and the publication date stands in.
  std::string precision;
  std::string text;  // the time expression; empty for "publication"
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Location {
  std::string name;     // English exonym of the place ("Moscow"); may be a country's name
  std::string country;  // ISO 3166-1 alpha-3
  double lat = 0;
  double lon = 0;
  std::string text;     // the phrase in the article ("à Moscou")
  uint32_t begin = 0;
  uint32_t end = 0;
  bool city = false;    // a city or venue; false for a country as a whole (lat/lon: its capital)
};

struct Evidence {
  std::string sentence;  // the sentence, as in the article
  uint32_t start = 0;    // byte span of the sentence in the article
  uint32_t end = 0;
  std::string trigger;   // the words that made the event ("a rencontré")
  uint32_t trigger_begin = 0;
  uint32_t trigger_end = 0;
};

struct Event {
  std::string doc;       // Document::id
  std::string type;      // MEET, VISIT, PHONE_CALL, SUMMIT, STATEMENT, ...
  std::string cameo;     // CAMEO code ("042")
  double goldstein = 0;  // Goldstein score of the CAMEO code
  std::string plover;    // PLOVER event type ("CONSULT")
  std::vector<Actor> actors;
  std::optional<EventDate> date;  // nullopt only when the document has no date at all
  std::optional<Location> location;
  bool background = false;  // a past event recalled
  bool future = false;      // announced, not yet happened
  bool negated = false;     // "n'a pas rencontré"
  std::vector<std::string> topics;
  // Free attributes: "travelled=RUS", "host=IRN", "rule=fr.meet.rencontrer".
  std::vector<std::string> attributes;
  Evidence evidence;
  // Further sentences of the same document that reported the same event.
  std::vector<Evidence> mentions;
  double confidence = 1.0;
};

// One line of JSON (no trailing newline).
std::string EventToJson(const Event& event);

}  // namespace entente

#endif  // ENTENTE_EVENT_H_
