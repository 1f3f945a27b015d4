#include "merge/merge.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace entente {
namespace {

// Days a mention stands for. A mention dated only by its publication stands
// for the three days up to it (news reports what just happened), the month
// after it when it is announced, any time before it when it is recalled; with
// no date at all it agrees with any date.
struct Span {
  int64_t from = INT64_MIN;
  int64_t to = INT64_MAX;
};

int PrecisionRank(const Event& e) {
  if (!e.date) return 9;
  static constexpr std::string_view kOrder[] = {"day",  "week", "month",  "season",     "quarter",
                                                "year", "decade", "century", "publication"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (e.date->precision == kOrder[i]) return static_cast<int>(i);
  }
  return 8;
}

Span SpanOf(const Mention& m) {
  const Event& e = m.event;
  if (e.date && e.date->precision != "publication" && e.date->from.valid() && e.date->to.valid()) {
    return {e.date->from.ToDays(), e.date->to.ToDays()};
  }
  Date pub = e.date && e.date->from.valid() ? e.date->from : m.published;
  if (!pub.valid()) return {};
  if (e.future) return {pub.ToDays(), pub.ToDays() + 31};
  if (e.background) return {INT64_MIN, pub.ToDays() - 1};  // some time before: see UndatedRecall
  return {pub.ToDays() - 3, pub.ToDays()};
}

std::string SpanText(const Mention& m) {
  const Event& e = m.event;
  if (!e.date) return "undated";
  if (e.date->precision == "publication") return "published " + e.date->from.ToString();
  std::string s = e.date->from.ToString();
  if (e.date->to != e.date->from) s += ".." + e.date->to.ToString();
  return s + " (" + e.date->precision + ")";
}

// Country (else org) → the people named for it.
std::map<std::string, std::set<std::string>> PeopleByParty(const Event& e) {
  std::map<std::string, std::set<std::string>> out;
  for (const Actor& a : e.actors) {
    const std::string& party = a.country.empty() ? a.org : a.country;
    if (!a.name.empty() && !party.empty()) out[party].insert(a.name);
  }
  return out;
}

double DistanceKm(const Location& a, const Location& b) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// A past event recalled without a date of its own ("ils s'étaient déjà
// rencontrés à Moscou"): it may be any earlier event, so it joins one only
// when both name the same city.
bool UndatedRecall(const Event& e) {
  return e.background && (!e.date || e.date->precision == "publication");
}

// Why two mentions may be one event, or "" when they may not.
std::string Agree(const Mention& a, const Mention& b) {
  if (UndatedRecall(a.event) || UndatedRecall(b.event)) {
    const auto& la = a.event.location;
    const auto& lb = b.event.location;
    if (!la || !lb || !la->city || !lb->city || la->name != lb->name) return "";
  }
  // Rule 2: the people.
  auto pa = PeopleByParty(a.event), pb = PeopleByParty(b.event);
  std::string people;
  for (const auto& [party, names] : pa) {
    auto it = pb.find(party);
    if (it == pb.end()) continue;
    bool shared = false;
    for (const std::string& n : names) shared = shared || it->second.count(n) > 0;
    if (!shared) return "";
    people += (people.empty() ? "" : ", ") + *names.begin();
  }
  // Rule 3: the dates.
  Span sa = SpanOf(a), sb = SpanOf(b);
  if (sa.to < sb.from || sb.to < sa.from) return "";
  // Rule 4: the places.
  std::string place;
  if (a.event.location && b.event.location) {
    const Location& la = *a.event.location;
    const Location& lb = *b.event.location;
    if (la.country != lb.country) return "";
    if (la.city && lb.city && la.name != lb.name && DistanceKm(la, lb) > 50) return "";
    place = la.city ? la.name : lb.name;
  }
  std::string why = "dates overlap (" + SpanText(a) + " / " + SpanText(b) + ")";
  if (!people.empty()) why += "; same people (" + people + ")";
  if (!place.empty()) why += "; same place (" + place + ")";
  return why;
}

// Canonical order: most precise date first, then date, document, position.
bool Before(const Mention& a, const Mention& b) {
  int ra = PrecisionRank(a.event), rb = PrecisionRank(b.event);
  if (ra != rb) return ra < rb;
  Span sa = SpanOf(a), sb = SpanOf(b);
  if (sa.from != sb.from) return sa.from < sb.from;
  if (a.doc != b.doc) return a.doc < b.doc;
  return a.ordinal < b.ordinal;
}

std::string StableId(const Mention& first) {
  // FNV-1a 64 over "doc\x1fordinal": fixed across builds and platforms.
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
  };
  mix(first.doc);
  mix("\x1f");
  mix(std::to_string(first.ordinal));
  char buf[20];
  std::snprintf(buf, sizeof buf, "ev-%012llx", static_cast<unsigned long long>(h & 0xffffffffffffULL));
  return buf;
}

// The event's fields from its best mentions: the most precise date (members[0]
// by the canonical order), the most specific place, every actor once with the
// fullest name, MEET over VISIT, flags only when every mention agrees.
Event Best(const std::vector<Mention>& ms, const std::vector<MergedMember>& members) {
  Event out = ms[members[0].mention].event;
  out.mentions.clear();
  // Place: a city over a country as a whole.
  for (const MergedMember& m : members) {
    const Event& e = ms[m.mention].event;
    if (e.location && e.location->city && (!out.location || !out.location->city)) out.location = e.location;
  }
  // Type: one in-person contact is a MEET when any report tells of a meeting.
  for (const MergedMember& m : members) {
    const Event& e = ms[m.mention].event;
    if (e.type == "MEET" && out.type != "MEET") {
      out.type = e.type;
      out.cameo = e.cameo;
      out.goldstein = e.goldstein;
      out.plover = e.plover;
    }
  }
  // Actors: each (country or org, name) once; a named person replaces the bare country.
  std::vector<Actor> actors;
  for (const MergedMember& m : members) {
    for (const Actor& a : ms[m.mention].event.actors) {
      bool dup = false;
      for (Actor& x : actors) {
        if (x.country == a.country && x.org == a.org && (x.name == a.name || x.name.empty() || a.name.empty())) {
          if (x.name.empty() && !a.name.empty()) {
            Role role = x.role;
            x = a;
            x.role = role;
          }
          dup = true;
          break;
        }
      }
      if (!dup) actors.push_back(a);
    }
  }
  out.actors = std::move(actors);
  bool all_future = true, all_background = true;
  std::set<std::string> topics;
  for (const MergedMember& m : members) {
    const Event& e = ms[m.mention].event;
    all_future = all_future && e.future;
    all_background = all_background && e.background;
    topics.insert(e.topics.begin(), e.topics.end());
  }
  out.future = all_future;
  out.background = all_background;
  out.topics.assign(topics.begin(), topics.end());
  return out;
}

}  // namespace

std::string TypeFamily(const std::string& type) {
  if (type == "MEET" || type == "VISIT") return "CONTACT";
  if (type == "SIGN" || type == "AGREE") return "AGREE";
  return type;
}

std::string BlockKey(const Event& e) {
  std::string family = TypeFamily(e.type);
  if (family == "SUMMIT") return family + "|" + (e.location ? e.location->country : std::string());
  std::set<std::string> parties;
  for (const Actor& a : e.actors) parties.insert(a.country.empty() ? a.org : a.country);
  std::string key = family + "|";
  bool first = true;
  for (const std::string& p : parties) {
    if (!first) key += ',';
    key += p;
    first = false;
  }
  return key;
}

std::vector<MergedEvent> MergeBlock(const std::vector<Mention>& mentions) {
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return Before(mentions[a], mentions[b]); });

  std::vector<MergedEvent> out;
  for (size_t i : order) {
    const Mention& m = mentions[i];
    bool joined = false;
    // Negated reports ("n'a pas rencontré") are events of their own.
    if (!m.event.negated) {
      for (MergedEvent& ev : out) {
        if (mentions[ev.members[0].mention].event.negated) continue;
        std::string why;
        for (const MergedMember& x : ev.members) {
          why = Agree(m, mentions[x.mention]);
          if (why.empty()) break;
        }
        if (why.empty()) continue;
        // Explain against the first mention of the event.
        ev.members.push_back({i, "same " + TypeFamily(m.event.type) + " block; " + Agree(m, mentions[ev.members[0].mention])});
        joined = true;
        break;
      }
    }
    if (!joined) {
      MergedEvent ev;
      ev.members.push_back({i, "first mention"});
      out.push_back(std::move(ev));
    }
  }
  for (MergedEvent& ev : out) {
    const Mention& first = mentions[ev.members[0].mention];
    ev.id = StableId(first);
    ev.event = Best(mentions, ev.members);
    std::set<std::string> docs, outlets;
    bool recalled = true;
    for (const MergedMember& x : ev.members) {
      const Mention& mm = mentions[x.mention];
      ev.num_mentions += 1 + static_cast<int>(mm.event.mentions.size());
      docs.insert(mm.doc);
      outlets.insert(mm.outlet.empty() ? "doc:" + mm.doc : mm.outlet);
      recalled = recalled && mm.event.background;
      if (mm.published.valid()) {
        if (!ev.first_seen.valid() || mm.published < ev.first_seen) ev.first_seen = mm.published;
        if (!ev.last_seen.valid() || ev.last_seen < mm.published) ev.last_seen = mm.published;
      }
    }
    ev.num_articles = static_cast<int>(docs.size());
    ev.num_sources = static_cast<int>(outlets.size());
    ev.recalled = recalled;
  }
  return out;
}

}  // namespace entente
