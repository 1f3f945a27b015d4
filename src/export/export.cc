#include "export/export.h"

#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

namespace entente {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string Coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

// "Vladimir Putin (RUS)" style key of an actor in the network; the name alone
// for a person or organization, else the country or org code.
std::string ActorKey(const Actor& a) {
  if (!a.name.empty()) return a.name;
  return a.country.empty() ? a.org : a.country;
}

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// A TSV field: tabs and newlines would break the row.
std::string TsvField(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Compact(const Date& d) {
  if (!d.valid()) return "";
  std::string s = d.ToString();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

// The first source-role actor (else the first actor) and the first target
// (else the second actor): the dyad of the row formats.
std::pair<const Actor*, const Actor*> Dyad(const Event& e) {
  const Actor* a = nullptr;
  const Actor* b = nullptr;
  for (const Actor& x : e.actors) {
    if (x.role == Role::kSource && a == nullptr) a = &x;
    if (x.role == Role::kTarget && b == nullptr) b = &x;
  }
  for (const Actor& x : e.actors) {
    if (a == nullptr && &x != b) a = &x;
    if (b == nullptr && &x != a) b = &x;
  }
  return {a, b};
}

std::string PloverMode(const Event& e) {
  if (e.type == "MEET" || e.type == "VISIT") return "visit";
  if (e.type == "PHONE_CALL") return "call";
  if (e.type == "SUMMIT") return "summit";
  if (e.type == "SIGN") return "sign";
  return "";
}

class JsonlExporter final : public Exporter {
 public:
  explicit JsonlExporter(std::ostream& out) : out_(out) {}
  void Add(const MergedEventRow& row) override { out_ << MergedEventJson(row) << "\n"; }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

class CsvExporter final : public Exporter {
 public:
  CsvExporter(std::ostream& events, std::ostream& mentions) : ev_(events), mn_(mentions) {
    ev_ << "id,date_from,date_to,precision,type,cameo,cameo_root,quad_class,goldstein,plover,"
           "actor1_name,actor1_country,actor1_org,actor2_name,actor2_country,actor2_org,actors,"
           "location_name,location_country,lat,lon,background,future,recalled,num_mentions,num_articles,"
           "num_sources,first_seen,last_seen\r\n";
    mn_ << "event_id,doc,outlet,published,rule,type,sentence,start,end\r\n";
  }
  void Add(const MergedEventRow& r) override {
    const Event& e = r.event;
    auto [a1, a2] = Dyad(e);
    std::string actors;
    for (const Actor& a : e.actors) {
      if (!actors.empty()) actors += "; ";
      actors += ActorKey(a) + (a.name.empty() || a.country.empty() ? "" : " (" + a.country + ")");
    }
    std::vector<std::string> f = {
        r.id,
        e.date ? e.date->from.ToString() : "",
        e.date ? e.date->to.ToString() : "",
        e.date ? e.date->precision : "",
        e.type,
        e.cameo,
        e.cameo.substr(0, 2),
        QuadClass(e.cameo) ? std::to_string(QuadClass(e.cameo)) : "",
        Num(e.goldstein),
        e.plover,
        a1 ? a1->name : "", a1 ? a1->country : "", a1 ? a1->org : "",
        a2 ? a2->name : "", a2 ? a2->country : "", a2 ? a2->org : "",
        actors,
        e.location ? e.location->name : "",
        e.location ? e.location->country : "",
        e.location ? Coord(e.location->lat) : "",
        e.location ? Coord(e.location->lon) : "",
        e.background ? "1" : "0",
        e.future ? "1" : "0",
        r.recalled ? "1" : "0",
        std::to_string(r.num_mentions),
        std::to_string(r.num_articles),
        std::to_string(r.num_sources),
        r.first_seen,
        r.last_seen,
    };
    Row(ev_, f);
    for (const EventMention& m : r.mentions) {
      Row(mn_, {r.id, m.doc, m.outlet, m.published, m.rule, m.event.type, m.event.evidence.sentence,
                std::to_string(m.event.evidence.start), std::to_string(m.event.evidence.end)});
      for (const Evidence& more : m.event.mentions) {  // further sentences of the same report
        Row(mn_, {r.id, m.doc, m.outlet, m.published, "another sentence of the same report", m.event.type,
                  more.sentence, std::to_string(more.start), std::to_string(more.end)});
      }
    }
  }
  void Finish() override {
    ev_.flush();
    mn_.flush();
  }

 private:
  static void Row(std::ostream& o, const std::vector<std::string>& f) {
    for (size_t i = 0; i < f.size(); ++i) o << (i ? "," : "") << CsvField(f[i]);
    o << "\r\n";
  }
  std::ostream& ev_;
  std::ostream& mn_;
};

// GDELT 2.0 event table: 61 tab-separated columns, no header, as the GDELT
// Event Codebook V2.0 lists them. Columns entente has no value for are empty.
class GdeltExporter final : public Exporter {
 public:
  explicit GdeltExporter(std::ostream& out) : out_(out) {}
  void Add(const MergedEventRow& r) override {
    const Event& e = r.event;
    std::vector<std::string> c(61);
    // 1 GlobalEventID: the event id's 48 hexadecimal bits as a number.
    c[0] = std::to_string(std::stoull(r.id.size() > 3 ? r.id.substr(3) : "0", nullptr, 16));
    Date day = e.date ? e.date->from : Date();
    c[1] = Compact(day);                                            // 2 Day
    c[2] = day.valid() ? c[1].substr(0, 6) : "";                    // 3 MonthYear
    c[3] = day.valid() ? c[1].substr(0, 4) : "";                    // 4 Year
    if (day.valid()) {                                              // 5 FractionDate
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.4f", day.year + ((day.month - 1) * 30 + day.day) / 365.0);
      c[4] = buf;
    }
    auto [a1, a2] = Dyad(e);
    auto actor = [&](const Actor* a, int base) {                    // 6-15, 16-25
      if (a == nullptr) return;
      std::string country = a->country;
      c[base] = !country.empty() ? country + (a->office.empty() ? "" : "GOV") : a->org;  // ActorCode
      c[base + 1] = !a->name.empty() ? a->name : (!country.empty() ? country : a->org);  // ActorName
      c[base + 2] = country;                                        // ActorCountryCode
      c[base + 3] = country.empty() ? a->org : "";                  // ActorKnownGroupCode
      c[base + 7] = a->office.empty() ? "" : "GOV";                 // ActorType1Code
    };
    actor(a1, 5);
    actor(a2, 15);
    c[25] = "0";                                                    // 26 IsRootEvent (lead paragraph unknown)
    for (const EventMention& m : r.mentions) {
      if (m.event.evidence.start == 0) c[25] = "1";                 // reported in an article's first sentence
    }
    c[26] = e.cameo;                                                // 27 EventCode
    c[27] = e.cameo.substr(0, std::min<size_t>(3, e.cameo.size())); // 28 EventBaseCode
    c[28] = e.cameo.substr(0, std::min<size_t>(2, e.cameo.size())); // 29 EventRootCode
    c[29] = QuadClass(e.cameo) ? std::to_string(QuadClass(e.cameo)) : "";  // 30 QuadClass
    c[30] = Num(e.goldstein);                                       // 31 GoldsteinScale
    c[31] = std::to_string(r.num_mentions);                         // 32 NumMentions
    c[32] = std::to_string(r.num_sources);                          // 33 NumSources
    c[33] = std::to_string(r.num_articles);                         // 34 NumArticles
    // 35 AvgTone: entente measures no tone. 36-51 Actor1Geo/Actor2Geo: no actor places.
    if (e.location) {                                               // 52-59 ActionGeo_*
      c[51] = e.location->city ? "4" : "1";                         // Type: 1 country, 4 world city
      c[52] = e.location->name;                                     // FullName
      // 54 CountryCode is FIPS 10-4 in GDELT; entente keeps ISO 3166-1 alpha-3 (see docs/exports.md).
      c[53] = e.location->country;
      c[56] = Coord(e.location->lat);
      c[57] = Coord(e.location->lon);
    }
    c[59] = r.last_seen.empty() ? "" : r.last_seen.substr(0, 4) + r.last_seen.substr(5, 2) +
                                          r.last_seen.substr(8, 2) + "000000";  // 60 DATEADDED
    c[60] = r.mentions.empty() ? "" : r.mentions.front().url;       // 61 SOURCEURL
    for (size_t i = 0; i < c.size(); ++i) out_ << (i ? "\t" : "") << TsvField(c[i]);
    out_ << "\n";
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

// PLOVER-style JSON Lines: the PLOVER event type, its mode, contexts (our
// topics), the source and target actors with their countries, the place and
// the evidence. Field names in docs/exports.md.
class PloverExporter final : public Exporter {
 public:
  explicit PloverExporter(std::ostream& out) : out_(out) {}
  void Add(const MergedEventRow& r) override {
    const Event& e = r.event;
    Json j;
    j["id"] = r.id;
    j["date"] = e.date ? Json(e.date->from.ToString()) : Json();
    j["date_precision"] = e.date ? Json(e.date->precision) : Json();
    j["event"] = OrNull(e.plover);
    j["mode"] = OrNull(PloverMode(e));
    j["context"] = e.topics;
    auto [a1, a2] = Dyad(e);
    auto side = [&](const char* key, const Actor* a) {
      j[std::string(key) + "_actor"] = a ? OrNull(a->name.empty() ? a->org : a->name) : Json();
      j[std::string(key) + "_country"] = a ? OrNull(a->country) : Json();
      j[std::string(key) + "_agent"] = a ? OrNull(a->office) : Json();
    };
    side("source", a1);
    side("target", a2);
    if (e.location) {
      j["geolocation"] = {{"placename", e.location->name},
                          {"country", e.location->country},
                          {"lat", e.location->lat},
                          {"lon", e.location->lon},
                          {"feature", e.location->city ? "city" : "country"}};
    } else {
      j["geolocation"] = nullptr;
    }
    j["cameo"] = OrNull(e.cameo);
    j["quad_class"] = QuadClass(e.cameo);
    j["goldstein"] = e.goldstein;
    j["text"] = e.evidence.sentence;
    Json sources = Json::array();
    for (const EventMention& m : r.mentions) {
      sources.push_back({{"doc", m.doc}, {"outlet", OrNull(m.outlet)}, {"published", OrNull(m.published)},
                         {"url", OrNull(m.url)}});
    }
    j["sources"] = std::move(sources);
    j["num_articles"] = r.num_articles;
    out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

// The actor network: nodes are actors, edges (source → target, or between
// participants in name order) carry per type the event count and Goldstein sum.
class GraphExporter final : public Exporter {
 public:
  GraphExporter(std::ostream& out, bool gexf) : out_(out), gexf_(gexf) {}
  void Add(const MergedEventRow& r) override {
    const Event& e = r.event;
    std::vector<const Actor*> src, tgt, part;
    for (const Actor& a : e.actors) {
      Node(a);
      (a.role == Role::kSource ? src : a.role == Role::kTarget ? tgt : part).push_back(&a);
    }
    std::set<std::pair<std::string, std::string>> pairs;
    if (!src.empty() && !tgt.empty()) {
      for (const Actor* s : src) {
        for (const Actor* t : tgt) pairs.emplace(ActorKey(*s), ActorKey(*t));
      }
    } else {
      std::vector<const Actor*> all;
      for (const Actor& a : e.actors) all.push_back(&a);
      for (size_t i = 0; i < all.size(); ++i) {
        for (size_t k = i + 1; k < all.size(); ++k) {
          std::string x = ActorKey(*all[i]), y = ActorKey(*all[k]);
          if (x != y) pairs.emplace(std::min(x, y), std::max(x, y));
        }
      }
    }
    for (const auto& [a, b] : pairs) {
      if (a == b) continue;
      Edge& ed = edges_[{a, b, e.type}];
      ed.count += 1;
      ed.goldstein += e.goldstein;
    }
  }
  void Finish() override {
    if (gexf_) {
      WriteGexf();
    } else {
      WriteGraphml();
    }
    out_.flush();
  }

 private:
  struct NodeInfo {
    std::string label, country, org, kind;
  };
  struct Edge {
    int count = 0;
    double goldstein = 0;
  };
  void Node(const Actor& a) {
    std::string key = ActorKey(a);
    if (nodes_.count(key)) return;
    nodes_[key] = NodeInfo{key, a.country, a.org,
                           !a.name.empty() ? (a.org.empty() || !a.country.empty() ? "person" : "organization")
                                           : (a.country.empty() ? "organization" : "country")};
  }
  std::string NodeId(const std::string& key) const {
    return "n" + std::to_string(std::distance(nodes_.begin(), nodes_.find(key)));
  }
  void WriteGraphml() {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
            "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
            "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
            "  <key id=\"org\" for=\"node\" attr.name=\"org\" attr.type=\"string\"/>\n"
            "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
            "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
            "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n"
            "  <graph id=\"entente\" edgedefault=\"directed\">\n";
    for (const auto& [key, n] : nodes_) {
      out_ << "    <node id=\"" << NodeId(key) << "\"><data key=\"label\">" << XmlEscape(n.label)
           << "</data><data key=\"kind\">" << n.kind << "</data><data key=\"country\">" << XmlEscape(n.country)
           << "</data><data key=\"org\">" << XmlEscape(n.org) << "</data></node>\n";
    }
    int i = 0;
    for (const auto& [k, ed] : edges_) {
      const auto& [a, b, type] = k;
      out_ << "    <edge id=\"e" << i++ << "\" source=\"" << NodeId(a) << "\" target=\"" << NodeId(b)
           << "\"><data key=\"type\">" << XmlEscape(type) << "</data><data key=\"count\">" << ed.count
           << "</data><data key=\"goldstein\">" << Num(ed.goldstein) << "</data></edge>\n";
    }
    out_ << "  </graph>\n</graphml>\n";
  }
  void WriteGexf() {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
            "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
            "    <attributes class=\"node\">\n"
            "      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
            "      <attribute id=\"1\" title=\"country\" type=\"string\"/>\n"
            "      <attribute id=\"2\" title=\"org\" type=\"string\"/>\n"
            "    </attributes>\n"
            "    <attributes class=\"edge\">\n"
            "      <attribute id=\"0\" title=\"type\" type=\"string\"/>\n"
            "      <attribute id=\"1\" title=\"count\" type=\"integer\"/>\n"
            "      <attribute id=\"2\" title=\"goldstein\" type=\"double\"/>\n"
            "    </attributes>\n"
            "    <nodes>\n";
    for (const auto& [key, n] : nodes_) {
      out_ << "      <node id=\"" << NodeId(key) << "\" label=\"" << XmlEscape(n.label) << "\"><attvalues>"
           << "<attvalue for=\"0\" value=\"" << n.kind << "\"/><attvalue for=\"1\" value=\"" << XmlEscape(n.country)
           << "\"/><attvalue for=\"2\" value=\"" << XmlEscape(n.org) << "\"/></attvalues></node>\n";
    }
    out_ << "    </nodes>\n    <edges>\n";
    int i = 0;
    for (const auto& [k, ed] : edges_) {
      const auto& [a, b, type] = k;
      out_ << "      <edge id=\"e" << i++ << "\" source=\"" << NodeId(a) << "\" target=\"" << NodeId(b)
           << "\" label=\"" << XmlEscape(type) << "\" weight=\"" << ed.count << "\"><attvalues>"
           << "<attvalue for=\"0\" value=\"" << XmlEscape(type) << "\"/><attvalue for=\"1\" value=\"" << ed.count
           << "\"/><attvalue for=\"2\" value=\"" << Num(ed.goldstein) << "\"/></attvalues></edge>\n";
    }
    out_ << "    </edges>\n  </graph>\n</gexf>\n";
  }

  std::ostream& out_;
  bool gexf_;
  std::map<std::string, NodeInfo> nodes_;
  std::map<std::tuple<std::string, std::string, std::string>, Edge> edges_;
};

}  // namespace

const std::vector<std::string>& ExportFormats() {
  static const std::vector<std::string> kFormats = {"jsonl", "csv", "gdelt", "plover", "graphml", "gexf"};
  return kFormats;
}

int QuadClass(const std::string& cameo) {
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9') return 0;
  int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

Result<std::unique_ptr<Exporter>> Exporter::Create(const std::string& format, std::ostream& out,
                                                   std::ostream* mentions_out) {
  if (format == "jsonl") return std::unique_ptr<Exporter>(new JsonlExporter(out));
  if (format == "csv") {
    if (mentions_out == nullptr) return Status::InvalidArgument("csv needs a second stream for the mentions");
    return std::unique_ptr<Exporter>(new CsvExporter(out, *mentions_out));
  }
  if (format == "gdelt") return std::unique_ptr<Exporter>(new GdeltExporter(out));
  if (format == "plover") return std::unique_ptr<Exporter>(new PloverExporter(out));
  if (format == "graphml") return std::unique_ptr<Exporter>(new GraphExporter(out, false));
  if (format == "gexf") return std::unique_ptr<Exporter>(new GraphExporter(out, true));
  return Status::InvalidArgument("unknown export format '" + format + "' (jsonl, csv, gdelt, plover, graphml, gexf)");
}

std::string MergedEventJson(const MergedEventRow& row) {
  Json ev = Json::parse(EventToJson(row.event));
  Json j;
  j["id"] = row.id;
  for (auto it = ev.begin(); it != ev.end(); ++it) {
    if (it.key() != "mentions") j[it.key()] = it.value();
  }
  j["num_mentions"] = row.num_mentions;
  j["num_articles"] = row.num_articles;
  j["num_sources"] = row.num_sources;
  j["first_seen"] = OrNull(row.first_seen);
  j["last_seen"] = OrNull(row.last_seen);
  j["recalled"] = row.recalled;
  if (!row.mentions.empty()) {
    Json ms = Json::array();
    for (const EventMention& m : row.mentions) {
      Json x;
      x["doc"] = m.doc;
      x["outlet"] = OrNull(m.outlet);
      x["published"] = OrNull(m.published);
      x["url"] = OrNull(m.url);
      x["rule"] = m.rule;
      x["type"] = m.event.type;
      x["sentence"] = m.event.evidence.sentence;
      x["start"] = m.event.evidence.start;
      x["end"] = m.event.evidence.end;
      x["date_text"] = m.event.date ? Json(m.event.date->text) : Json();
      x["background"] = m.event.background;
      x["future"] = m.event.future;
      ms.push_back(x);
      // Further sentences of the same document that told the same event.
      for (const Evidence& more : m.event.mentions) {
        x["rule"] = "another sentence of the same report";
        x["sentence"] = more.sentence;
        x["start"] = more.start;
        x["end"] = more.end;
        x["date_text"] = nullptr;
        ms.push_back(x);
      }
    }
    j["mentions"] = std::move(ms);
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace entente
