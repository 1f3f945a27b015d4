#include "merge/merge.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
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

// What the rules look at, computed once per mention.
struct Info {
  Span span;
  int rank = 0;
  bool undated_recall = false;
  std::map<std::string, std::set<std::string>> people;
};

Info InfoOf(const Mention& m) {
  Info in;
  in.span = SpanOf(m);
  // A summit lasts several days and reports give parts of it ("depuis mardi",
  // "jusqu'à jeudi"): within one block (one host country) dates two days apart
  // still agree.
  if (TypeFamily(m.event.type) == "SUMMIT") {
    if (in.span.from != INT64_MIN) in.span.from -= 2;
    if (in.span.to != INT64_MAX) in.span.to += 2;
  }
  in.rank = PrecisionRank(m.event);
  in.undated_recall = UndatedRecall(m.event);
  in.people = PeopleByParty(m.event);
  return in;
}

// Rules 2 (people) and 4 (places), and the undated-recall condition; rule 3
// (dates) is checked against the event's common span by the caller.
bool PeopleAndPlaceAgree(const Mention& a, const Info& ia, const Mention& b, const Info& ib) {
  const auto& la = a.event.location;
  const auto& lb = b.event.location;
  if (ia.undated_recall || ib.undated_recall) {
    if (!la || !lb || !la->city || !lb->city || la->name != lb->name) return false;
  }
  for (const auto& [party, names] : ia.people) {
    auto it = ib.people.find(party);
    if (it == ib.people.end()) continue;
    bool shared = false;
    for (const std::string& n : names) shared = shared || it->second.count(n) > 0;
    if (!shared) return false;
  }
  if (la && lb) {
    if (la->country != lb->country) return false;
    if (la->city && lb->city && la->name != lb->name && DistanceKm(*la, *lb) > 50) return false;
  }
  return true;
}

// Why `a` joined the event whose first mention is `b`.
std::string Explain(const Mention& a, const Info& ia, const Mention& b, const Info& ib) {
  std::string people;
  for (const auto& [party, names] : ia.people) {
    auto it = ib.people.find(party);
    if (it == ib.people.end()) continue;
    for (const std::string& n : names) {
      if (it->second.count(n)) {
        people += (people.empty() ? "" : ", ") + n;
        break;
      }
    }
  }
  std::string place;
  if (a.event.location && b.event.location) place = a.event.location->city ? a.event.location->name : b.event.location->name;
  std::string why = "same " + TypeFamily(a.event.type) + " block; dates overlap (" + SpanText(a) + " / " + SpanText(b) + ")";
  if (!people.empty()) why += "; same people (" + people + ")";
  if (!place.empty()) why += "; same place (" + place + ")";
  return why;
}

// Canonical order: most precise date first, then date, document, position.
bool Before(const Mention& a, const Info& ia, const Mention& b, const Info& ib) {
  if (ia.rank != ib.rank) return ia.rank < ib.rank;
  if (ia.span.from != ib.span.from) return ia.span.from < ib.span.from;
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
  std::vector<Info> info;
  info.reserve(mentions.size());
  for (const Mention& m : mentions) info.push_back(InfoOf(m));
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return Before(mentions[a], info[a], mentions[b], info[b]); });

  // Complete link on dates: a mention overlaps every member's span exactly
  // when it overlaps their common span (intervals on a line). Events are
  // found through the days of their common span; wide spans are kept apart.
  constexpr int64_t kWide = 400;  // days
  std::vector<MergedEvent> out;
  std::vector<Span> common;  // per event
  std::unordered_map<int64_t, std::vector<uint32_t>> by_day;
  std::vector<uint32_t> wide;
  auto index = [&](uint32_t e) {
    const Span& sp = common[e];
    if (sp.from == INT64_MIN || sp.to == INT64_MAX || sp.to - sp.from > kWide) {
      wide.push_back(e);
    } else {
      for (int64_t d = sp.from; d <= sp.to; ++d) by_day[d].push_back(e);
    }
  };
  std::vector<uint32_t> candidates;
  for (size_t i : order) {
    const Mention& m = mentions[i];
    const Info& im = info[i];
    bool joined = false;
    // Negated reports ("n'a pas rencontré") are events of their own.
    if (!m.event.negated) {
      candidates.clear();
      const Span& sp = im.span;
      if (sp.from == INT64_MIN || sp.to == INT64_MAX || sp.to - sp.from > kWide) {
        for (uint32_t e = 0; e < out.size(); ++e) candidates.push_back(e);
      } else {
        for (int64_t d = sp.from; d <= sp.to; ++d) {
          auto it = by_day.find(d);
          if (it != by_day.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
        candidates.insert(candidates.end(), wide.begin(), wide.end());
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      }
      for (uint32_t e : candidates) {
        MergedEvent& ev = out[e];
        const size_t first = ev.members[0].mention;
        if (mentions[first].event.negated) continue;
        const Span& c = common[e];
        if (sp.to < c.from || c.to < sp.from) continue;
        bool ok = true;
        for (const MergedMember& x : ev.members) {
          if (!PeopleAndPlaceAgree(m, im, mentions[x.mention], info[x.mention])) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        // Explain against the first mention of the event.
        ev.members.push_back({i, Explain(m, im, mentions[first], info[first])});
        common[e] = Span{std::max(c.from, sp.from), std::min(c.to, sp.to)};
        joined = true;
        break;
      }
    }
    if (!joined) {
      MergedEvent ev;
      ev.members.push_back({i, "first mention"});
      out.push_back(std::move(ev));
      common.push_back(im.span);
      index(static_cast<uint32_t>(out.size() - 1));
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
