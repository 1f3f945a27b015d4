// Actor dictionaries in the TABARI/PETRARCH text format, so users can bring
// the dictionaries they already keep.
//
//   VLADIMIR_PUTIN [RUSGOV 000507-080507]     an actor, its code and dates
//   +PUTIN                                    a synonym of the actor above
//   +VLADIMIR_VLADIMIROVICH_PUTIN
//       [RUSELI >080508]                      a further dated code (own line)
//   ONODOHER                                  an actor whose codes follow
//       [ONO <911226]
//   <!-- a comment, possibly
//        over several lines -->
//   ATHENS  [GRC] # a trailing comment
//
// Words of a phrase are joined by '_' or spaces. Dates are YYMMDD or
// YYYYMMDD: "A-B" (from A to B, inclusive), "<A" (before A), ">A" (from A on);
// two-digit years below 50 are 20YY, others 19YY (the TABARI convention for
// dictionaries written since 1990). "---" is the null code and "+++" the
// code to be filled in later; both are kept as written. Anything else is
// reported with its file:line.
#ifndef ENTENTE_KB_ACTOR_DICT_H_
#define ENTENTE_KB_ACTOR_DICT_H_

#include <string>
#include <string_view>
#include <vector>

#include "entente/date.h"
#include "entente/status.h"

namespace entente {

struct ActorCode {
  std::string code;  // "RUSGOV"; "---" for the null code
  Date from;         // invalid = open start
  Date to;           // invalid = open end
};

struct DictActor {
  std::string name;                   // the primary phrase, words joined by spaces: "VLADIMIR PUTIN"
  std::vector<std::string> synonyms;  // "PUTIN", ...
  std::vector<ActorCode> codes;
  int line = 0;                       // line of the primary phrase
};

struct ActorDict {
  std::string path;
  std::vector<DictActor> actors;
};

// Parses a dictionary. Problems (a line that is none of the forms above, a
// code block that cannot be read, a synonym before any actor, an actor with no
// code) are appended to *problems as "path:line: message" and the line is
// skipped; parsing goes on so that every problem is listed.
ActorDict ParseActorDict(std::string_view text, const std::string& path, std::vector<std::string>* problems);

// Reads and parses a file; an unreadable file is an error.
Result<ActorDict> ReadActorDict(const std::string& path, std::vector<std::string>* problems);

}  // namespace entente

#endif  // ENTENTE_KB_ACTOR_DICT_H_
