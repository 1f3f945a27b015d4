// Reading events back from their JSON Lines form (the inverse of EventToJson
// in include/entente/event.h).
//
//   Result<Event> e = EventFromJson(line);
//   if (!e.ok()) return e.status();  // "not JSON: ..." or "event: 'actors' ..."
//
// Accepts what EventToJson writes (format version kEventFormatVersion); null
// actor fields read as "", a null date or location as nullopt. Unknown keys are
// ignored; a missing or mistyped known key is an InvalidArgument error.
// Thread safety: a pure function.
#ifndef ENTENTE_COMMON_EVENT_JSON_H_
#define ENTENTE_COMMON_EVENT_JSON_H_

#include <optional>
#include <string_view>

#include "entente/event.h"
#include "entente/status.h"

namespace entente {

Result<Event> EventFromJson(std::string_view line);

// "source" → kSource, "target" → kTarget, "participant" → kParticipant.
std::optional<Role> RoleFromName(std::string_view name);

}  // namespace entente

#endif  // ENTENTE_COMMON_EVENT_JSON_H_
