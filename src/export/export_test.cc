#include "export/export.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace entente {
namespace {

MergedEventRow Row() {
  MergedEventRow r;
  r.id = "ev-00000000002a";
  Event& e = r.event;
  e.doc = "d1";
  e.type = "MEET";
  e.cameo = "042";
  e.goldstein = 1.9;
  e.plover = "CONSULT";
  Actor a;
  a.name = "Vladimir Putin";
  a.country = "RUS";
  a.office = "President of Russia";
  a.role = Role::kSource;
  Actor b;
  b.country = "IRN";
  b.role = Role::kTarget;
  e.actors = {a, b};
  EventDate d;
  d.from = d.to = Date{2022, 7, 19};
  d.precision = "day";
  e.date = d;
  Location l;
  l.name = "Tehran";
  l.country = "IRN";
  l.lat = 35.69;
  l.lon = 51.39;
  l.city = true;
  e.location = l;
  e.evidence.sentence = "Poutine a rencontré, à Téhéran, les dirigeants \"iraniens\"\tmardi.";
  r.num_mentions = 2;
  r.num_articles = 2;
  r.num_sources = 1;
  r.first_seen = r.last_seen = "2022-07-20";
  EventMention m;
  m.doc = "d1";
  m.outlet = "Agence, Exemple";
  m.url = "https://example.org/d1";
  m.published = "2022-07-20";
  m.rule = "first mention";
  m.event = e;
  r.mentions = {m, m};
  r.mentions[1].doc = "d2";
  return r;
}

std::string Export(const std::string& format, std::string* mentions = nullptr) {
  std::ostringstream out, men;
  auto ex = Exporter::Create(format, out, &men);
  EXPECT_TRUE(ex.ok()) << ex.status().ToString();
  (*ex)->Add(Row());
  (*ex)->Finish();
  if (mentions != nullptr) *mentions = men.str();
  return out.str();
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

TEST(ExportTest, QuadClass) {
  EXPECT_EQ(QuadClass("042"), 1);
  EXPECT_EQ(QuadClass("0311"), 1);
  EXPECT_EQ(QuadClass("073"), 2);
  EXPECT_EQ(QuadClass("112"), 3);
  EXPECT_EQ(QuadClass("190"), 4);
  EXPECT_EQ(QuadClass(""), 0);
  EXPECT_EQ(QuadClass("x1"), 0);
}

TEST(ExportTest, Jsonl) {
  nlohmann::json j = nlohmann::json::parse(Export("jsonl"));
  EXPECT_EQ(j["id"], "ev-00000000002a");
  EXPECT_EQ(j["num_articles"], 2);
  ASSERT_EQ(j["mentions"].size(), 2u);
  EXPECT_EQ(j["mentions"][1]["doc"], "d2");
  EXPECT_EQ(j["mentions"][0]["url"], "https://example.org/d1");
}

TEST(ExportTest, CsvQuotesWhatNeedsIt) {
  std::string mentions;
  std::string events = Export("csv", &mentions);
  std::vector<std::string> lines = Split(events, '\n');
  ASSERT_EQ(lines.size(), 3u);  // header, row, "" after the last \r\n
  EXPECT_EQ(lines[0].rfind("id,date_from,date_to,precision,type,cameo,cameo_root,quad_class,goldstein,", 0), 0u);
  EXPECT_EQ(lines[1].rfind("ev-00000000002a,2022-07-19,2022-07-19,day,MEET,042,04,1,1.9,CONSULT,Vladimir Putin,RUS,,,IRN,,", 0), 0u)
      << lines[1];
  EXPECT_NE(mentions.find("\"Agence, Exemple\""), std::string::npos);
  EXPECT_NE(mentions.find("\"Poutine a rencontré, à Téhéran, les dirigeants \"\"iraniens\"\"\tmardi.\""),
            std::string::npos)
      << mentions;
  EXPECT_THROW(Exporter::Create("csv", std::cout).value(), std::exception);
}

TEST(ExportTest, GdeltHas61Columns) {
  std::string row = Export("gdelt");
  ASSERT_EQ(row.back(), '\n');
  std::vector<std::string> c = Split(row.substr(0, row.size() - 1), '\t');
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[0], "42");            // GlobalEventID
  EXPECT_EQ(c[1], "20220719");      // Day
  EXPECT_EQ(c[2], "202207");        // MonthYear
  EXPECT_EQ(c[5], "RUSGOV");        // Actor1Code
  EXPECT_EQ(c[6], "Vladimir Putin");
  EXPECT_EQ(c[15], "IRN");          // Actor2Code
  EXPECT_EQ(c[26], "042");          // EventCode
  EXPECT_EQ(c[28], "04");           // EventRootCode
  EXPECT_EQ(c[29], "1");            // QuadClass
  EXPECT_EQ(c[31], "2");            // NumMentions
  EXPECT_EQ(c[51], "4");            // ActionGeo_Type: city
  EXPECT_EQ(c[52], "Tehran");
  EXPECT_EQ(c[59], "20220720000000");
  EXPECT_EQ(c[60], "https://example.org/d1");
}

TEST(ExportTest, Plover) {
  nlohmann::json j = nlohmann::json::parse(Export("plover"));
  EXPECT_EQ(j["event"], "CONSULT");
  EXPECT_EQ(j["mode"], "visit");
  EXPECT_EQ(j["source_actor"], "Vladimir Putin");
  EXPECT_EQ(j["target_country"], "IRN");
  EXPECT_EQ(j["geolocation"]["placename"], "Tehran");
  EXPECT_EQ(j["sources"].size(), 2u);
}

TEST(ExportTest, GraphsEscapeAndAggregate) {
  std::ostringstream out;
  auto ex = Exporter::Create("graphml", out);
  ASSERT_TRUE(ex.ok());
  MergedEventRow r = Row();
  r.event.actors[0].name = "A & <B>";
  (*ex)->Add(r);
  (*ex)->Add(r);
  (*ex)->Finish();
  std::string g = out.str();
  EXPECT_NE(g.find("A &amp; &lt;B&gt;"), std::string::npos) << g;
  EXPECT_NE(g.find("<data key=\"count\">2</data>"), std::string::npos) << g;
  EXPECT_NE(g.find("<data key=\"goldstein\">3.8</data>"), std::string::npos) << g;
  std::string x = Export("gexf");
  EXPECT_NE(x.find("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"), std::string::npos);
  EXPECT_NE(x.find("weight=\"1\""), std::string::npos);
}

TEST(ExportTest, UnknownFormat) { EXPECT_FALSE(Exporter::Create("xml", std::cout).ok()); }

}  // namespace
}  // namespace entente
