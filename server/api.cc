#include "server/api.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/reader.h"
#include "export/export.h"

namespace entente::server {

namespace {

using Json = nlohmann::json;

constexpr int kDefaultPage = 50;
constexpr int kMaxOffset = 1000000;
constexpr int kActorScan = 20000;  // events read to summarize one actor
constexpr size_t kMaxIngestDocs = 100;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

ApiResponse Error(int status, const std::string& code, const std::string& message) {
  return {status, ErrorJson(code, message)};
}
ApiResponse BadRequest(const std::string& message) { return Error(400, "bad_request", message); }

ApiResponse Ok(const Json& j, int status = 200) { return {status, Dump(j)}; }

// A store failure: 503 when the per-request deadline stopped the query.
ApiResponse StoreFailure(const Status& st) {
  if (st.code() == StatusCode::kInvalidArgument) return BadRequest(st.message());
  if (st.message().find("interrupt") != std::string::npos) {
    return Error(503, "timeout", "the query took too long; narrow it (a pair, a period, a type)");
  }
  return Error(500, "store_error", st.message());
}

// The query parameters of one request, checked one by one. Each Take* marks
// the name as known; Unknown() then names any parameter nobody asked for.
// REQUIRES: `raw` outlives the Params.
class Params {
 public:
  explicit Params(const std::multimap<std::string, std::string>& raw) : raw_(raw) {}

  // The single value of `name` (nullopt when absent); a repeated name is an error.
  std::optional<std::string> Take(const std::string& name) {
    known_.insert(name);
    auto [lo, hi] = raw_.equal_range(name);
    if (lo == hi) return std::nullopt;
    if (std::next(lo) != hi) {
      Fail("parameter '" + name + "' is given more than once");
      return std::nullopt;
    }
    return lo->second;
  }

  // Free text: at most max bytes, letters (any non-ASCII byte), digits,
  // space and . ' - , & ( ) only; no "--".
  std::string TakeText(const std::string& name, size_t max) {
    std::optional<std::string> v = Take(name);
    if (!v) return "";
    if (v->size() > max) {
      Fail("parameter '" + name + "' is longer than " + std::to_string(max) + " bytes");
      return "";
    }
    for (char c : *v) {
      const auto u = static_cast<unsigned char>(c);
      const bool ok = u >= 0x80 || std::isalnum(u) || c == ' ' || c == '.' || c == '\'' || c == '-' ||
                      c == ',' || c == '&' || c == '(' || c == ')';
      if (!ok) {
        Fail("parameter '" + name + "' has a character that is not allowed in a search (letters, digits, "
             "spaces and . ' - , & ( ) only)");
        return "";
      }
    }
    if (v->find("--") != std::string::npos) {
      Fail("parameter '" + name + "' must not contain '--'");
      return "";
    }
    // An apostrophe only inside a word (l'Iran, O'Brien): "' OR 1" is refused.
    for (size_t i = 0; i < v->size(); ++i) {
      if ((*v)[i] != '\'') continue;
      auto letter = [&](size_t j) {
        const auto u = static_cast<unsigned char>((*v)[j]);
        return u >= 0x80 || std::isalpha(u);
      };
      if (i == 0 || i + 1 == v->size() || !letter(i - 1) || !letter(i + 1)) {
        Fail("parameter '" + name + "' has an apostrophe outside a word");
        return "";
      }
    }
    return *v;
  }

  // A code of [A-Za-z0-9_] of at most max bytes, upper-cased.
  std::string TakeCode(const std::string& name, size_t max) {
    std::optional<std::string> v = Take(name);
    if (!v) return "";
    if (v->empty() || v->size() > max) {
      Fail("parameter '" + name + "' must be a code of 1 to " + std::to_string(max) + " letters");
      return "";
    }
    std::string out;
    for (char c : *v) {
      const auto u = static_cast<unsigned char>(c);
      if (!std::isalnum(u) && c != '_') {
        Fail("parameter '" + name + "' must be a code (letters, digits, '_')");
        return "";
      }
      out += static_cast<char>(std::toupper(u));
    }
    return out;
  }

  int TakeInt(const std::string& name, int def, int lo, int hi) {
    std::optional<std::string> v = Take(name);
    if (!v) return def;
    if (v->empty() || v->size() > 9 ||
        !std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; })) {
      Fail("parameter '" + name + "' must be a whole number between " + std::to_string(lo) + " and " +
           std::to_string(hi));
      return def;
    }
    int n = std::stoi(*v);
    if (n < lo || n > hi) {
      Fail("parameter '" + name + "' must be between " + std::to_string(lo) + " and " + std::to_string(hi));
      return def;
    }
    return n;
  }

  double TakeDouble(const std::string& name, double lo, double hi, bool* present) {
    std::optional<std::string> v = Take(name);
    *present = v.has_value();
    if (!v) return 0;
    double d = 0;
    char extra = 0;
    if (v->size() > 32 || std::sscanf(v->c_str(), "%lf%c", &d, &extra) != 1 || !(d >= lo && d <= hi)) {
      Fail("parameter '" + name + "' must be a number between " + std::to_string(lo) + " and " +
           std::to_string(hi));
      return 0;
    }
    return d;
  }

  // YYYY, YYYY-MM or YYYY-MM-DD; a month or year stands for its first day
  // (as_end: its last day).
  std::optional<Date> TakeDate(const std::string& name, bool as_end) {
    std::optional<std::string> v = Take(name);
    if (!v) return std::nullopt;
    const std::string& t = *v;
    auto digits = [&](size_t pos, size_t n) {
      return t.size() >= pos + n && std::all_of(t.begin() + pos, t.begin() + pos + n, [](char c) {
               return c >= '0' && c <= '9';
             });
    };
    std::optional<Date> d;
    if (t.size() == 10) {
      d = Date::Parse(t);
    } else if (t.size() == 7 && t[4] == '-' && digits(0, 4) && digits(5, 2)) {
      int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2));
      if (y >= 1 && m >= 1 && m <= 12) d = as_end ? Date::LastOfMonth(y, m) : Date::FirstOfMonth(y, m);
    } else if (t.size() == 4 && digits(0, 4)) {
      int y = std::stoi(t);
      if (y >= 1) d = as_end ? Date{y, 12, 31} : Date{y, 1, 1};
    }
    if (!d) Fail("parameter '" + name + "' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    return d;
  }

  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  // The first problem, or "" when every parameter was good and known.
  std::string Check() {
    if (!error_.empty()) return error_;
    for (const auto& [k, v] : raw_) {
      if (!known_.count(k)) return "unknown parameter '" + k.substr(0, 64) + "'";
    }
    return "";
  }

 private:
  const std::multimap<std::string, std::string>& raw_;
  std::set<std::string> known_;
  std::string error_;
};

bool IsCountryCode(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The filters of `entente events`, from query parameters.
EventQuery TakeQuery(Params& p, int max_page, int max_text) {
  EventQuery q;
  q.actor = p.TakeText("actor", max_text);
  q.place = p.TakeText("place", max_text);
  q.outlet = p.TakeText("outlet", max_text);
  q.text = p.TakeText("text", max_text);
  q.type = p.TakeCode("type", 32);
  q.cameo_root = p.TakeCode("cameo_root", 2);
  if (!q.cameo_root.empty() && (q.cameo_root.size() != 2 || !std::isdigit(static_cast<unsigned char>(q.cameo_root[0])) ||
                                !std::isdigit(static_cast<unsigned char>(q.cameo_root[1])))) {
    p.Fail("parameter 'cameo_root' must be two digits, e.g. 04");
  }
  if (std::optional<std::string> pair = p.Take("pair")) {
    std::string s = *pair;
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (s.size() != 7 || s[3] != ',' || !IsCountryCode(s.substr(0, 3)) || !IsCountryCode(s.substr(4))) {
      p.Fail("parameter 'pair' must be two ISO3 country codes, e.g. RUS,IRN");
    } else {
      q.country_a = s.substr(0, 3);
      q.country_b = s.substr(4);
    }
  }
  if (std::string c = p.TakeCode("country", 3); !c.empty()) {
    if (!IsCountryCode(c)) p.Fail("parameter 'country' must be an ISO3 country code");
    if (!q.country_a.empty()) p.Fail("give 'pair' or 'country', not both");
    q.country_a = c;
  }
  q.from = p.TakeDate("from", false);
  q.to = p.TakeDate("to", true);
  if (q.from && q.to && *q.to < *q.from) p.Fail("'to' is before 'from'");
  bool has_lat = false, has_lon = false, has_radius = false;
  q.near_lat = p.TakeDouble("lat", -90, 90, &has_lat);
  q.near_lon = p.TakeDouble("lon", -180, 180, &has_lon);
  q.radius_km = p.TakeDouble("radius", 0.001, 20000, &has_radius);
  if ((has_lat || has_lon || has_radius) && !(has_lat && has_lon && has_radius)) {
    p.Fail("'lat', 'lon' and 'radius' (km) go together");
  }
  q.limit = p.TakeInt("limit", kDefaultPage, 1, max_page);
  q.offset = p.TakeInt("offset", 0, 0, kMaxOffset);
  return q;
}

// MergedEventJson with "quad_class" added (cheaply: the row is an object).
std::string EventListJson(const MergedEventRow& row) {
  std::string j = MergedEventJson(row);
  return "{\"quad_class\":" + std::to_string(QuadClass(row.event.cameo)) + "," + j.substr(1);
}

ApiResponse ListEvents(Store& store, Params& p, const ApiOptions& o) {
  EventQuery q = TakeQuery(p, o.max_page, o.max_free_text);
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  const int limit = q.limit;
  q.limit = limit + 1;  // one more tells whether there is a next page
  Result<std::vector<MergedEventRow>> rows = store.MergedEvents(q, /*with_mentions=*/false);
  if (!rows.ok()) return StoreFailure(rows.status());
  const bool more = static_cast<int>(rows->size()) > limit;
  std::string body = "{\"events\":[";
  for (int i = 0; i < std::min<int>(limit, static_cast<int>(rows->size())); ++i) {
    if (i > 0) body += ',';
    body += EventListJson((*rows)[i]);
  }
  body += "],\"limit\":" + std::to_string(limit) + ",\"offset\":" + std::to_string(q.offset) +
          ",\"next_offset\":" + (more ? std::to_string(q.offset + limit) : std::string("null")) + "}";
  return {200, std::move(body)};
}

// A phrase of an event, as a span within the sentence [start, end) of the
// article: offsets are bytes from the sentence's first byte.
void AddHighlight(Json& out, const char* kind, const std::string& text, uint32_t begin, uint32_t end,
                  uint32_t start, uint32_t stop) {
  if (end <= begin || begin < start || end > stop) return;  // elsewhere in the article
  out.push_back({{"kind", kind}, {"text", text}, {"begin", begin - start}, {"end", end - start}});
}

Json EvidenceJson(const Event& ev, const Evidence& evidence) {
  Json h = Json::array();
  const uint32_t s = evidence.start, e = evidence.end;
  for (const Actor& a : ev.actors) AddHighlight(h, "actor", a.text, a.begin, a.end, s, e);
  if (ev.date) AddHighlight(h, "date", ev.date->text, ev.date->begin, ev.date->end, s, e);
  if (ev.location) AddHighlight(h, "place", ev.location->text, ev.location->begin, ev.location->end, s, e);
  AddHighlight(h, "trigger", evidence.trigger, evidence.trigger_begin, evidence.trigger_end, s, e);
  std::sort(h.begin(), h.end(), [](const Json& a, const Json& b) { return a["begin"] < b["begin"]; });
  return {{"sentence", evidence.sentence}, {"start", s}, {"end", e}, {"highlights", std::move(h)}};
}

ApiResponse GetEvent(Store& store, Params& p, const std::string& id) {
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  if (id.size() > 64 || id.rfind("ev-", 0) != 0 ||
      !std::all_of(id.begin() + 3, id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
    return BadRequest("an event id is 'ev-' and hexadecimal digits");
  }
  Result<std::optional<MergedEventRow>> row = store.GetEvent(id);
  if (!row.ok()) return StoreFailure(row.status());
  if (!*row) return Error(404, "not_found", "no event " + id);
  MergedEventRow r = std::move(**row);
  std::vector<EventMention> mentions = std::move(r.mentions);
  r.mentions.clear();
  Json j = Json::parse(MergedEventJson(r));
  j["quad_class"] = QuadClass(r.event.cameo);
  Json ms = Json::array();
  for (const EventMention& m : mentions) {
    auto opt = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
    Json evidence = Json::array();
    evidence.push_back(EvidenceJson(m.event, m.event.evidence));
    for (const Evidence& more : m.event.mentions) evidence.push_back(EvidenceJson(m.event, more));
    ms.push_back({{"mention_id", m.mention_id}, {"doc", m.doc}, {"outlet", opt(m.outlet)}, {"url", opt(m.url)},
                  {"published", opt(m.published)}, {"rule", m.rule}, {"type", m.event.type},
                  {"background", m.event.background}, {"future", m.event.future},
                  {"negated", m.event.negated}, {"evidence", std::move(evidence)}});
  }
  j["mentions"] = std::move(ms);
  return Ok(j);
}

ApiResponse ListActors(Store& store, Params& p, const ApiOptions& o) {
  std::string q = p.TakeText("q", o.max_free_text);
  int limit = p.TakeInt("limit", 20, 1, 200);
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  Result<std::vector<ActorSummary>> rows = store.Actors(q, limit);
  if (!rows.ok()) return StoreFailure(rows.status());
  Json a = Json::array();
  for (const ActorSummary& r : *rows) {
    a.push_back({{"name", r.name}, {"country", r.country}, {"org", r.org}, {"events", r.events}});
  }
  return Ok({{"actors", std::move(a)}});
}

// One actor: a person's canonical name, or a country or organization code.
ApiResponse GetActor(Store& store, Params& p, const ApiOptions& o, const std::string& key) {
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  const std::multimap<std::string, std::string> raw = {{"actor", key}};
  Params kp(raw);  // the same checks as ?actor=
  EventQuery q;
  q.actor = kp.TakeText("actor", o.max_free_text);
  if (std::string e = kp.Check(); !e.empty() || key.empty()) return BadRequest("bad actor name: " + e);
  q.limit = kActorScan + 1;
  Result<std::vector<MergedEventRow>> rows = store.MergedEvents(q, false);
  if (!rows.ok()) return StoreFailure(rows.status());
  auto same = [&](const Actor& a) {
    if (!a.name.empty()) return a.name == key;
    return a.country == key || a.org == key;
  };
  struct Span {
    int events = 0;
    std::string first, last;
    void Add(const Event& ev) {
      ++events;
      if (!ev.date || !ev.date->from.valid()) return;
      std::string f = ev.date->from.ToString(), l = ev.date->to.ToString();
      if (first.empty() || f < first) first = f;
      if (last.empty() || l > last) last = l;
    }
  };
  Span all;
  std::map<std::string, Span> offices;
  std::map<std::string, int> types, partners;
  std::string country, org;
  const int n = std::min<int>(kActorScan, static_cast<int>(rows->size()));
  for (int i = 0; i < n; ++i) {
    const Event& ev = (*rows)[i].event;
    const Actor* me = nullptr;
    for (const Actor& a : ev.actors) {
      if (same(a)) me = &a;
    }
    if (me == nullptr) continue;
    all.Add(ev);
    if (country.empty()) country = me->country;
    if (org.empty()) org = me->org;
    if (!me->office.empty()) offices[me->office].Add(ev);
    ++types[ev.type];
    std::set<std::string> seen;
    for (const Actor& a : ev.actors) {
      const std::string other = a.country.empty() ? a.org : a.country;
      if (&a != me && !other.empty() && other != me->country && seen.insert(other).second) ++partners[other];
    }
  }
  if (all.events == 0) return Error(404, "not_found", "no events with actor '" + key + "'");
  auto opt = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
  Json off = Json::array();
  for (const auto& [name, s] : offices) {
    off.push_back({{"office", name}, {"events", s.events}, {"first", opt(s.first)}, {"last", opt(s.last)}});
  }
  auto counts = [](const std::map<std::string, int>& m, const char* key_name) {
    std::vector<std::pair<std::string, int>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    Json out = Json::array();
    for (const auto& [k, c] : v) out.push_back({{key_name, k}, {"events", c}});
    return out;
  };
  bool is_name = !(IsCountryCode(key) && key == country) && key != org;
  return Ok({{"name", is_name ? key : std::string()},
             {"country", country},
             {"org", org},
             {"events", all.events},
             {"first", opt(all.first)},
             {"last", opt(all.last)},
             {"offices", std::move(off)},
             {"types", counts(types, "type")},
             {"partners", counts(partners, "country")},
             {"truncated", static_cast<int>(rows->size()) > kActorScan}});
}

ApiResponse PairStatsOf(Store& store, Params& p, std::string a, std::string b) {
  std::string by = p.Take("by").value_or("month");
  std::optional<Date> from = p.TakeDate("from", false), to = p.TakeDate("to", true);
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  for (std::string* s : {&a, &b}) {
    for (char& c : *s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!IsCountryCode(*s)) return BadRequest("a pair is two ISO3 country codes: /api/v1/pairs/RUS/IRN");
  }
  if (by != "day" && by != "month" && by != "year") return BadRequest("'by' is day, month or year");
  if (from && to && *to < *from) return BadRequest("'to' is before 'from'");
  Result<std::vector<PairBucket>> rows = store.PairStats(a, b, by, from, to);
  if (!rows.ok()) return StoreFailure(rows.status());
  Json buckets = Json::array();
  int total = 0;
  double gold = 0;
  for (const PairBucket& r : *rows) {
    buckets.push_back({{"period", r.period}, {"events", r.events}, {"goldstein", r.goldstein}});
    total += r.events;
    gold += r.goldstein;
  }
  return Ok({{"a", a}, {"b", b}, {"by", by}, {"events", total}, {"goldstein", gold}, {"buckets", std::move(buckets)}});
}

ApiResponse ListPlaces(Store& store, Params& p, const ApiOptions& o) {
  std::string q = p.TakeText("q", o.max_free_text);
  int limit = p.TakeInt("limit", 100, 1, 1000);
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  Result<std::vector<PlaceSummary>> rows = store.Places(q, limit);
  if (!rows.ok()) return StoreFailure(rows.status());
  Json a = Json::array();
  for (const PlaceSummary& r : *rows) {
    a.push_back({{"name", r.name},
                 {"country", r.country},
                 {"lat", r.has_coordinates ? Json(r.lat) : Json()},
                 {"lon", r.has_coordinates ? Json(r.lon) : Json()},
                 {"events", r.events}});
  }
  return Ok({{"places", std::move(a)}});
}

ApiResponse ListDocuments(Store& store, Params& p, const ApiOptions& o) {
  int limit = p.TakeInt("limit", kDefaultPage, 1, std::min(o.max_page, 1000));
  int offset = p.TakeInt("offset", 0, 0, kMaxOffset);
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  Result<std::vector<DocumentSummary>> rows = store.Documents(limit, offset);
  if (!rows.ok()) return StoreFailure(rows.status());
  auto opt = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
  Json a = Json::array();
  for (const DocumentSummary& d : *rows) {
    a.push_back({{"id", d.id}, {"url", opt(d.url)}, {"source", opt(d.source)}, {"language", opt(d.language)},
                 {"title", opt(d.title)}, {"published", opt(d.published)}, {"events", d.mentions}});
  }
  const bool full = static_cast<int>(rows->size()) == limit;
  return Ok({{"documents", std::move(a)},
             {"limit", limit},
             {"offset", offset},
             {"next_offset", full ? Json(offset + limit) : Json()}});
}

ApiResponse Health(Store& store, Params& p) {
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  Result<int64_t> docs = store.CountDocuments();
  if (!docs.ok()) return StoreFailure(docs.status());
  Result<int64_t> events = store.CountMergedEvents();
  if (!events.ok()) return StoreFailure(events.status());
  return Ok({{"status", "ok"}, {"documents", *docs}, {"events", *events}});
}

ApiResponse Version(Params& p) {
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  return Ok({{"name", "entente"},
             {"version", ENTENTE_VERSION},
             {"api", kApiVersion},
             {"store_schema", kStoreSchemaVersion},
             {"event_format", kEventFormatVersion}});
}

// Compares without an early exit, so the time does not tell how much matched.
bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || b.empty()) return false;
  unsigned diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
  return diff == 0;
}

ApiResponse Ingest(Store& store, Params& p, const ApiOptions& o, const ApiRequest& req) {
  if (std::string e = p.Check(); !e.empty()) return BadRequest(e);
  if (o.pipeline == nullptr) {
    return Error(403, "ingest_off", "live ingest is off; start the server with --ingest-token");
  }
  const std::string prefix = "Bearer ";
  if (req.authorization.rfind(prefix, 0) != 0 || !SameToken(req.authorization.substr(prefix.size()), o.ingest_token)) {
    return Error(401, "unauthorized", "POST /api/v1/documents needs 'Authorization: Bearer <token>'");
  }
  // The body: JSON Lines of documents, as `entente ingest` reads them.
  std::istringstream in(req.body);
  std::vector<Document> docs;
  std::string problem;
  ReadOptions ro;
  ro.format = InputFormat::kJsonl;
  Status st = ReadStream(in, "request", InputFormat::kJsonl, ro, [&](Result<Document> d) {
    if (!d.ok()) {
      if (problem.empty()) problem = d.status().message();
      return;
    }
    if (docs.size() < kMaxIngestDocs + 1) docs.push_back(std::move(*d));
  });
  if (!st.ok()) return BadRequest(st.message());
  if (!problem.empty()) return BadRequest(problem);
  if (docs.empty()) return BadRequest("the body holds no document (JSON Lines: {\"id\", \"text\", …} a line)");
  if (docs.size() > kMaxIngestDocs) return BadRequest("at most " + std::to_string(kMaxIngestDocs) + " documents a request");
  std::vector<std::vector<Event>> events;
  for (const Document& d : docs) {
    Result<std::vector<Event>> e = o.pipeline->Extract(d, nullptr);
    if (!e.ok()) return Error(422, "extract_failed", d.id + ": " + e.status().message());
    events.push_back(std::move(*e));
  }
  if (Status b = store.BeginBatch(); !b.ok()) return StoreFailure(b);
  Json out = Json::array();
  for (size_t i = 0; i < docs.size(); ++i) {
    Result<IngestOutcome> r = store.Ingest(docs[i], events[i]);
    if (!r.ok()) {
      (void)store.RollbackBatch();
      return StoreFailure(r.status());
    }
    const char* outcome = *r == IngestOutcome::kAdded ? "added" : *r == IngestOutcome::kReplaced ? "replaced" : "unchanged";
    out.push_back({{"id", docs[i].id}, {"outcome", outcome}, {"events", events[i].size()}});
  }
  if (Status c = store.CommitBatch(); !c.ok()) {
    (void)store.RollbackBatch();
    return StoreFailure(c);
  }
  return Ok({{"documents", std::move(out)}}, 201);
}

// "/api/v1/a/b" → {"a", "b"} (after the prefix); empty segments kept.
std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    out.emplace_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

}  // namespace

std::string ErrorJson(const std::string& code, const std::string& message) {
  return Dump({{"error", {{"code", code}, {"message", message}}}});
}

ApiResponse Api::Handle(Store& store, const ApiRequest& req) const {
  const std::string prefix = "/api/v1/";
  if (req.path.rfind(prefix, 0) != 0) return Error(404, "not_found", "no such route");
  std::vector<std::string> seg = Segments(std::string_view(req.path).substr(prefix.size()));
  Params p(req.params);
  const bool get = req.method == "GET" || req.method == "HEAD";
  const size_t n = seg.size();
  auto method_not_allowed = [] { return Error(405, "method_not_allowed", "method not allowed on this route"); };
  const std::string& first = seg[0];
  if (first == "events") {
    if (!get) return method_not_allowed();
    if (n == 1) return ListEvents(store, p, options_);
    if (n == 2) return GetEvent(store, p, seg[1]);
  } else if (first == "actors") {
    if (!get) return method_not_allowed();
    if (n == 1) return ListActors(store, p, options_);
    if (n == 2) return GetActor(store, p, options_, seg[1]);
  } else if (first == "pairs" && n == 3) {
    if (!get) return method_not_allowed();
    return PairStatsOf(store, p, seg[1], seg[2]);
  } else if (first == "places" && n == 1) {
    if (!get) return method_not_allowed();
    return ListPlaces(store, p, options_);
  } else if (first == "documents" && n == 1) {
    if (req.method == "POST") return Ingest(store, p, options_, req);
    if (!get) return method_not_allowed();
    return ListDocuments(store, p, options_);
  } else if (first == "health" && n == 1) {
    if (!get) return method_not_allowed();
    return Health(store, p);
  } else if (first == "version" && n == 1) {
    if (!get) return method_not_allowed();
    return Version(p);
  }
  return Error(404, "not_found", "no such route");
}

}  // namespace entente::server
