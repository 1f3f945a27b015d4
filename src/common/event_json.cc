#include "common/event_json.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace entente {

namespace {

using Json = nlohmann::ordered_json;

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json DateJson(const Date& d) { return d.valid() ? Json(d.ToString()) : Json(nullptr); }

Json EvidenceJson(const Evidence& e) {
  Json j = Json::object();
  j["sentence"] = e.sentence;
  j["start"] = e.start;
  j["end"] = e.end;
  j["trigger"] = e.trigger;
  j["trigger_start"] = e.trigger_begin;
  j["trigger_end"] = e.trigger_end;
  return j;
}

// --- Reading back -----------------------------------------------------------

Status Bad(std::string_view what) { return Status::InvalidArgument("event: " + std::string(what)); }

// Each getter leaves `out` alone when the key is absent or null and reports a
// type mismatch as an error.
Status GetString(const Json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return Bad(std::string("'") + key + "' is not a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Status GetU32(const Json& j, const char* key, uint32_t* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_number_unsigned() && !(it->is_number_integer() && it->get<int64_t>() >= 0)) {
    return Bad(std::string("'") + key + "' is not a non-negative integer");
  }
  const uint64_t v = it->get<uint64_t>();
  if (v > UINT32_MAX) return Bad(std::string("'") + key + "' is out of range");
  *out = static_cast<uint32_t>(v);
  return Status::Ok();
}

Status GetDouble(const Json& j, const char* key, double* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_number()) return Bad(std::string("'") + key + "' is not a number");
  *out = it->get<double>();
  return Status::Ok();
}

Status GetBool(const Json& j, const char* key, bool* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_boolean()) return Bad(std::string("'") + key + "' is not a boolean");
  *out = it->get<bool>();
  return Status::Ok();
}

Status GetDate(const Json& j, const char* key, Date* out) {
  std::string s;
  ENTENTE_RETURN_IF_ERROR(GetString(j, key, &s));
  if (s.empty()) return Status::Ok();
  std::optional<Date> d = Date::Parse(s);
  if (!d) return Bad(std::string("'") + key + "' is not a date: " + s);
  *out = *d;
  return Status::Ok();
}

Status GetStrings(const Json& j, const char* key, std::vector<std::string>* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return Bad(std::string("'") + key + "' is not an array");
  for (const Json& v : *it) {
    if (!v.is_string()) return Bad(std::string("'") + key + "' holds a non-string");
    out->push_back(v.get<std::string>());
  }
  return Status::Ok();
}

Status ReadEvidence(const Json& j, Evidence* e) {
  if (!j.is_object()) return Bad("evidence is not an object");
  ENTENTE_RETURN_IF_ERROR(GetString(j, "sentence", &e->sentence));
  ENTENTE_RETURN_IF_ERROR(GetU32(j, "start", &e->start));
  ENTENTE_RETURN_IF_ERROR(GetU32(j, "end", &e->end));
  ENTENTE_RETURN_IF_ERROR(GetString(j, "trigger", &e->trigger));
  ENTENTE_RETURN_IF_ERROR(GetU32(j, "trigger_start", &e->trigger_begin));
  ENTENTE_RETURN_IF_ERROR(GetU32(j, "trigger_end", &e->trigger_end));
  return Status::Ok();
}

Status ReadEvent(const Json& j, Event* e) {
  if (!j.is_object()) return Bad("not a JSON object");
  ENTENTE_RETURN_IF_ERROR(GetString(j, "doc", &e->doc));
  ENTENTE_RETURN_IF_ERROR(GetString(j, "type", &e->type));
  if (e->type.empty()) return Bad("missing 'type'");
  ENTENTE_RETURN_IF_ERROR(GetString(j, "cameo", &e->cameo));
  ENTENTE_RETURN_IF_ERROR(GetDouble(j, "goldstein", &e->goldstein));
  ENTENTE_RETURN_IF_ERROR(GetString(j, "plover", &e->plover));
  if (auto it = j.find("actors"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return Bad("'actors' is not an array");
    for (const Json& a : *it) {
      if (!a.is_object()) return Bad("an actor is not an object");
      Actor actor;
      ENTENTE_RETURN_IF_ERROR(GetString(a, "name", &actor.name));
      ENTENTE_RETURN_IF_ERROR(GetString(a, "country", &actor.country));
      ENTENTE_RETURN_IF_ERROR(GetString(a, "org", &actor.org));
      ENTENTE_RETURN_IF_ERROR(GetString(a, "office", &actor.office));
      std::string role;
      ENTENTE_RETURN_IF_ERROR(GetString(a, "role", &role));
      if (!role.empty()) {
        std::optional<Role> r = RoleFromName(role);
        if (!r) return Bad("unknown actor role '" + role + "'");
        actor.role = *r;
      }
      ENTENTE_RETURN_IF_ERROR(GetString(a, "text", &actor.text));
      ENTENTE_RETURN_IF_ERROR(GetU32(a, "start", &actor.begin));
      ENTENTE_RETURN_IF_ERROR(GetU32(a, "end", &actor.end));
      e->actors.push_back(std::move(actor));
    }
  }
  if (auto it = j.find("date"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return Bad("'date' is not an object");
    EventDate d;
    ENTENTE_RETURN_IF_ERROR(GetDate(*it, "from", &d.from));
    ENTENTE_RETURN_IF_ERROR(GetDate(*it, "to", &d.to));
    ENTENTE_RETURN_IF_ERROR(GetString(*it, "precision", &d.precision));
    ENTENTE_RETURN_IF_ERROR(GetString(*it, "text", &d.text));
    ENTENTE_RETURN_IF_ERROR(GetU32(*it, "start", &d.begin));
    ENTENTE_RETURN_IF_ERROR(GetU32(*it, "end", &d.end));
    e->date = std::move(d);
  }
  if (auto it = j.find("location"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return Bad("'location' is not an object");
    Location l;
    ENTENTE_RETURN_IF_ERROR(GetString(*it, "name", &l.name));
    ENTENTE_RETURN_IF_ERROR(GetString(*it, "country", &l.country));
    ENTENTE_RETURN_IF_ERROR(GetDouble(*it, "lat", &l.lat));
    ENTENTE_RETURN_IF_ERROR(GetDouble(*it, "lon", &l.lon));
    ENTENTE_RETURN_IF_ERROR(GetString(*it, "text", &l.text));
    ENTENTE_RETURN_IF_ERROR(GetU32(*it, "start", &l.begin));
    ENTENTE_RETURN_IF_ERROR(GetU32(*it, "end", &l.end));
    // "city" came after the first stored events: absent reads as a country-level place.
    if (auto c = it->find("city"); c != it->end()) {
      if (!c->is_boolean()) return Bad("'location.city' is not a boolean");
      l.city = c->get<bool>();
    }
    e->location = std::move(l);
  }
  ENTENTE_RETURN_IF_ERROR(GetBool(j, "background", &e->background));
  ENTENTE_RETURN_IF_ERROR(GetBool(j, "future", &e->future));
  ENTENTE_RETURN_IF_ERROR(GetBool(j, "negated", &e->negated));
  ENTENTE_RETURN_IF_ERROR(GetStrings(j, "topics", &e->topics));
  ENTENTE_RETURN_IF_ERROR(GetStrings(j, "attributes", &e->attributes));
  if (auto it = j.find("evidence"); it != j.end() && !it->is_null()) {
    ENTENTE_RETURN_IF_ERROR(ReadEvidence(*it, &e->evidence));
  }
  if (auto it = j.find("mentions"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return Bad("'mentions' is not an array");
    for (const Json& m : *it) {
      Evidence ev;
      ENTENTE_RETURN_IF_ERROR(ReadEvidence(m, &ev));
      e->mentions.push_back(std::move(ev));
    }
  }
  ENTENTE_RETURN_IF_ERROR(GetDouble(j, "confidence", &e->confidence));
  if (auto it = j.find("version"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer()) return Bad("'version' is not an integer");
    const int64_t v = it->get<int64_t>();
    if (v < 1 || v > kEventFormatVersion) {
      return Bad("format version " + std::to_string(v) + " is not supported (this build reads up to " +
                 std::to_string(kEventFormatVersion) + ")");
    }
  }
  return Status::Ok();
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kSource:
      return "source";
    case Role::kTarget:
      return "target";
    case Role::kParticipant:
      return "participant";
  }
  return "participant";
}

std::optional<Role> RoleFromName(std::string_view name) {
  if (name == "source") return Role::kSource;
  if (name == "target") return Role::kTarget;
  if (name == "participant") return Role::kParticipant;
  return std::nullopt;
}

std::string EventToJson(const Event& e) {
  Json j = Json::object();
  j["doc"] = e.doc;
  j["type"] = e.type;
  j["cameo"] = e.cameo;
  j["goldstein"] = e.goldstein;
  j["plover"] = e.plover;
  Json actors = Json::array();
  for (const Actor& a : e.actors) {
    Json ja = Json::object();
    ja["name"] = NullIfEmpty(a.name);
    ja["country"] = NullIfEmpty(a.country);
    ja["org"] = NullIfEmpty(a.org);
    ja["office"] = NullIfEmpty(a.office);
    ja["role"] = RoleName(a.role);
    ja["text"] = a.text;
    ja["start"] = a.begin;
    ja["end"] = a.end;
    actors.push_back(std::move(ja));
  }
  j["actors"] = std::move(actors);
  if (e.date) {
    Json jd = Json::object();
    jd["from"] = DateJson(e.date->from);
    jd["to"] = DateJson(e.date->to);
    jd["precision"] = e.date->precision;
    jd["text"] = e.date->text;
    jd["start"] = e.date->begin;
    jd["end"] = e.date->end;
    j["date"] = std::move(jd);
  } else {
    j["date"] = nullptr;
  }
  if (e.location) {
    Json jl = Json::object();
    jl["name"] = e.location->name;
    jl["country"] = e.location->country;
    jl["lat"] = e.location->lat;
    jl["lon"] = e.location->lon;
    jl["text"] = e.location->text;
    jl["start"] = e.location->begin;
    jl["end"] = e.location->end;
    jl["city"] = e.location->city;
    j["location"] = std::move(jl);
  } else {
    j["location"] = nullptr;
  }
  j["background"] = e.background;
  j["future"] = e.future;
  j["negated"] = e.negated;
  j["topics"] = e.topics;
  j["attributes"] = e.attributes;
  j["evidence"] = EvidenceJson(e.evidence);
  Json mentions = Json::array();
  for (const Evidence& m : e.mentions) mentions.push_back(EvidenceJson(m));
  j["mentions"] = std::move(mentions);
  j["confidence"] = e.confidence;
  j["version"] = kEventFormatVersion;
  // Replace rather than throw on invalid UTF-8 (the reader guarantees valid
  // text, but a caller may build an Event by hand).
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<Event> EventFromJson(std::string_view line) {
  Json j;
  try {
    j = Json::parse(line.begin(), line.end());
  } catch (const Json::exception& ex) {
    return Status::InvalidArgument(std::string("event: not JSON: ") + ex.what());
  }
  Event e;
  ENTENTE_RETURN_IF_ERROR(ReadEvent(j, &e));
  return e;
}

}  // namespace entente
