#include "kb/kb.h"

#include "kb/actor_dict.h"
#include "kb/lookup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace entente {
namespace {

namespace fs = std::filesystem;

const std::string kTestData = std::string(ENTENTE_SOURCE_DIR) + "/src/kb/testdata";
const std::string kRealData = ENTENTE_DATA_DIR;

const Segmenter& Seg() {
  static const Segmenter* seg = [] {
    auto s = Segmenter::Create(kRealData, "fr");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s).release() : nullptr;
  }();
  return *seg;
}

const KnowledgeBase& TestKb() {
  static const KnowledgeBase* kb = [] {
    auto k = KnowledgeBase::Load(kTestData, Seg());
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    return k.ok() ? std::move(*k).release() : nullptr;
  }();
  return *kb;
}

const KnowledgeBase* RealKb() {
  static const KnowledgeBase* kb = []() -> const KnowledgeBase* {
    if (!fs::exists(kRealData + "/people.tsv")) return nullptr;
    auto k = KnowledgeBase::Load(kRealData, Seg());
    EXPECT_TRUE(k.ok()) << k.status().ToString();
    return k.ok() ? std::move(*k).release() : nullptr;
  }();
  return kb;
}

// "kind:text" for each match, e.g. "title:président adjective:iranien person:Ebrahim Raïssi".
std::string Describe(const KnowledgeBase& kb, const std::string& text) {
  Segmented s = Seg().Segment(text);
  std::vector<KbMatch> ms = kb.Match(s.tokens, 0, static_cast<uint32_t>(s.tokens.size()));
  static const char* const kNames[] = {"country", "adjective", "place", "seat", "org", "person", "title"};
  std::string out;
  for (const KbMatch& m : ms) {
    if (!out.empty()) out += ' ';
    out += kNames[static_cast<int>(m.kind)];
    out += ':';
    out += text.substr(s.tokens[m.tok_begin].begin, s.tokens[m.tok_end - 1].end - s.tokens[m.tok_begin].begin);
  }
  return out;
}

KbMatch FirstMatch(const KnowledgeBase& kb, const std::string& text) {
  Segmented s = Seg().Segment(text);
  std::vector<KbMatch> ms = kb.Match(s.tokens, 0, static_cast<uint32_t>(s.tokens.size()));
  return ms.empty() ? KbMatch{} : ms[0];
}

TEST(KbMatchTest, Table) {
  const KnowledgeBase& kb = TestKb();
  struct Case {
    std::string text;
    std::string expected;
  } cases[] = {
      {"le président iranien Ebrahim Raïssi", "title:président adjective:iranien person:Ebrahim Raïssi"},
      {"la Maison-Blanche a réagi", "seat:la Maison-Blanche"},
      {"l'OCS", "org:l'OCS"},
      {"à Moscou", "place:Moscou"},
      {"les États-Unis et la Russie", "country:les États-Unis country:la Russie"},
      {"les Etats-Unis", "country:les Etats-Unis"},
      {"the United States", "country:the United States"},
      {"à Samarcande", "place:Samarcande"},
      {"le chef du Kremlin", "title:chef du Kremlin"},
      {"le Kremlin", "seat:le Kremlin"},
      {"ministre russe des Affaires étrangères", "title:ministre russe des Affaires étrangères"},
      {"le ministre des Affaires étrangères", "title:ministre des Affaires étrangères"},
      {"le ministre", "title:ministre"},
      {"au Caire", "place:Caire"},  // "au" is not an article to absorb; "Caire" alone is not a key
      {"le Caire", "place:le Caire"},
      {"Iranian Foreign Minister", "title:Iranian Foreign Minister"},
      {"les négociations russo-iraniennes", "adjective:russo- adjective:iraniennes"},
      {"moscou", ""},                     // names need a capital
      {"Un responsable", ""},             // "UN" is not matched alone
      {"le UN Security Council", "org:le UN Security Council"},
      {"le secrétaire général de l'ONU", "title:secrétaire général de l'ONU"},
      {"Vladimir Poutine et Poutine", "person:Vladimir Poutine person:Poutine"},
      {"la présidente", "title:présidente"},
      {"the Bush years", "person:Bush"},  // no article with a person
      {"Les États-Unis", "country:Les États-Unis"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Describe(kb, c.text), c.expected) << c.text;
}

TEST(KbMatchTest, Resolution) {
  const KnowledgeBase& kb = TestKb();
  KbMatch m = FirstMatch(kb, "la Maison-Blanche");
  ASSERT_EQ(m.kind, KbKind::kSeat);
  EXPECT_EQ(kb.seats()[m.index].country, "USA");
  EXPECT_EQ(kb.places()[kb.seats()[m.index].place].name_en, "Washington");

  m = FirstMatch(kb, "Moscou");
  ASSERT_EQ(m.kind, KbKind::kPlace);
  EXPECT_EQ(kb.places()[m.index].country, "RUS");
  EXPECT_TRUE(kb.places()[m.index].capital);

  m = FirstMatch(kb, "Samarcande");
  ASSERT_EQ(m.kind, KbKind::kPlace);
  EXPECT_EQ(kb.places()[m.index].country, "UZB");
  EXPECT_FALSE(kb.places()[m.index].capital);

  m = FirstMatch(kb, "le chef du Kremlin");
  ASSERT_EQ(m.kind, KbKind::kTitle);
  EXPECT_EQ(kb.titles()[m.index].kind, "head_of_state");
  EXPECT_EQ(kb.titles()[m.index].country, "RUS");

  m = FirstMatch(kb, "le ministre russe des Affaires étrangères");
  ASSERT_EQ(m.kind, KbKind::kTitle);
  EXPECT_EQ(kb.titles()[m.index].kind, "foreign_minister");
  ASSERT_GE(m.country, 0);
  EXPECT_EQ(kb.countries()[m.country].iso3, "RUS");

  m = FirstMatch(kb, "les présidents");
  ASSERT_EQ(m.kind, KbKind::kTitle);
  EXPECT_TRUE(kb.titles()[m.index].plural);

  m = FirstMatch(kb, "l'OCS");
  ASSERT_EQ(m.kind, KbKind::kOrg);
  EXPECT_EQ(kb.orgs()[m.index].code, "SCO");

  m = FirstMatch(kb, "les États-Unis");
  ASSERT_EQ(m.kind, KbKind::kCountry);
  EXPECT_EQ(kb.countries()[m.index].iso3, "USA");
  EXPECT_EQ(m.tok_begin, 0u);

  m = FirstMatch(kb, "iraniennes");
  ASSERT_EQ(m.kind, KbKind::kAdjective);
  EXPECT_EQ(kb.countries()[m.index].iso3, "IRN");

  m = FirstMatch(kb, "Bush");
  ASSERT_EQ(m.kind, KbKind::kPerson);
  EXPECT_EQ(m.alternatives.size(), 2u);

  m = FirstMatch(kb, "Tripoli");
  ASSERT_EQ(m.kind, KbKind::kPlace);
  EXPECT_EQ(m.alternatives.size(), 2u);

  m = FirstMatch(kb, "Poutine");
  ASSERT_EQ(m.kind, KbKind::kPerson);
  EXPECT_TRUE(m.alternatives.empty());
  EXPECT_EQ(kb.persons()[m.index].id, "vladimir_putin");
}

TEST(KbMatchTest, RangeIsRespected) {
  const KnowledgeBase& kb = TestKb();
  Segmented s = Seg().Segment("la Russie et l'Iran");
  // tokens: la Russie et l' Iran
  ASSERT_EQ(s.tokens.size(), 5u);
  std::vector<KbMatch> ms = kb.Match(s.tokens, 1, 2);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].tok_begin, 1u);  // the article is outside the range
  ms = kb.Match(s.tokens, 3, 100);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].tok_begin, 3u);
  EXPECT_EQ(ms[0].tok_end, 5u);
  EXPECT_TRUE(kb.Match(s.tokens, 4, 2).empty());
}

TEST(KbLookupTest, CodesAndCapitals) {
  const KnowledgeBase& kb = TestKb();
  const Country* rus = kb.CountryByCode("RUS");
  ASSERT_NE(rus, nullptr);
  EXPECT_EQ(rus->name_fr, "Russie");
  ASSERT_GE(rus->capital, 0);
  EXPECT_EQ(kb.places()[rus->capital].name_en, "Moscow");
  EXPECT_EQ(kb.CountryByCode("XXX"), nullptr);
  ASSERT_NE(kb.OrgByCode("SCO"), nullptr);
  EXPECT_EQ(kb.OrgByCode("NOPE"), nullptr);
}

TEST(KbHolderTest, TestTables) {
  const KnowledgeBase& kb = TestKb();
  struct Case {
    std::string kind, country, date, expected;  // expected person id, "" for none
  } cases[] = {
      {"head_of_state", "IRN", "2020-06-01", "hassan_rouhani"},
      {"head_of_state", "IRN", "2023-01-19", "ebrahim_raisi"},
      {"head_of_state", "IRN", "2025-06-01", "masoud_pezeshkian"},
      {"head_of_state", "IRN", "2021-08-03", "ebrahim_raisi"},  // hand-over day: the newer term
      {"head_of_state", "IRN", "2024-06-01", ""},               // interim, not in the table
      {"head_of_state", "IRN", "2010-01-01", ""},
      {"head_of_state", "RUS", "2012-05-01", "vladimir_putin"},  // "2012-05" widened to the 1st
      {"head_of_state", "RUS", "2012-04-30", ""},
      {"head_of_state", "USA", "1989-01-01", "george_bush"},     // "1989" widened to Jan 1
      {"head_of_state", "USA", "1993-01-31", "george_bush"},     // "1993-01" widened to Jan 31
      {"head_of_state", "USA", "1993-02-01", ""},
      {"leader", "RUS", "2023-01-01", "vladimir_putin"},
      {"head_of_government", "RUS", "2023-01-01", "mikhail_mishustin"},
      {"leader", "EGY", "2023-01-01", ""},
      {"supreme_leader", "IRN", "2023-01-01", ""},
      {"foreign_minister", "XXX", "2023-01-01", ""},
  };
  for (const Case& c : cases) {
    const Person* p = kb.Holder(c.kind, c.country, *Date::Parse(c.date));
    EXPECT_EQ(p == nullptr ? "" : p->id, c.expected) << c.kind << " " << c.country << " " << c.date;
  }
  const Person* putin = kb.Holder("head_of_state", "RUS", *Date::Parse("2023-01-01"));
  ASSERT_NE(putin, nullptr);
  const Term* t = kb.TermOn(*putin, *Date::Parse("2023-01-01"));
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(kb.offices()[t->office].id, "RUS.head_of_state");
  EXPECT_FALSE(t->to.valid());
  EXPECT_NE(kb.TermOfKind(*putin, "head_of_state", *Date::Parse("2023-01-01")), nullptr);
  EXPECT_EQ(kb.TermOfKind(*putin, "head_of_government", *Date::Parse("2023-01-01")), nullptr);
  EXPECT_EQ(kb.TermOn(*putin, *Date::Parse("2000-01-01")), nullptr);
}

// A copy of the test tables with one file replaced.
class BadTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("entente_kb_test_" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::copy(kTestData, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Read(const std::string& file) {
    std::ifstream in(dir_ / file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Write(const std::string& file, const std::string& content) {
    std::ofstream out(dir_ / file, std::ios::trunc);
    out << content;
  }
  void Append(const std::string& file, const std::string& line) { Write(file, Read(file) + line); }
  std::string LoadError() {
    auto kb = KnowledgeBase::Load(dir_.string(), Seg());
    return kb.ok() ? "OK" : kb.status().message();
  }
  std::string Path(const std::string& file) { return (dir_ / file).string(); }

  fs::path dir_;
};

TEST_F(BadTableTest, GoodCopyLoads) { EXPECT_EQ(LoadError(), "OK"); }

TEST_F(BadTableTest, BadDate) {
  Append("terms.tsv", "vladimir_putin\tRUS.head_of_government\t2023-13-01\t\t\ttest\n");
  EXPECT_EQ(LoadError(), Path("terms.tsv") + ":9: bad date '2023-13-01'");
}

TEST_F(BadTableTest, EndBeforeStart) {
  Append("terms.tsv", "vladimir_putin\tRUS.head_of_government\t2023-01-01\t2022\t\ttest\n");
  EXPECT_EQ(LoadError(), Path("terms.tsv") + ":9: term ends before it starts");
}

TEST_F(BadTableTest, UnknownOffice) {
  Append("terms.tsv", "vladimir_putin\tRUS.emperor\t2023-01-01\t\t\ttest\n");
  EXPECT_EQ(LoadError(), Path("terms.tsv") + ":9: unknown office 'RUS.emperor'");
}

TEST_F(BadTableTest, UnknownPerson) {
  Append("terms.tsv", "nobody\tRUS.head_of_state\t2023-01-01\t\t\ttest\n");
  EXPECT_EQ(LoadError(), Path("terms.tsv") + ":9: unknown person 'nobody'");
}

TEST_F(BadTableTest, UnknownCountry) {
  Append("places.tsv", "Atlantis\t\tATL\t0\t0\t0\ttest\n");
  EXPECT_EQ(LoadError(), Path("places.tsv") + ":10: unknown country 'ATL'");
}

TEST_F(BadTableTest, UnknownCountryInOffice) {
  Append("offices.tsv", "XXX.head_of_state\tXXX\t\thead_of_state\tPresident\ttest\n");
  EXPECT_EQ(LoadError(), Path("offices.tsv") + ":8: unknown country 'XXX'");
}

TEST_F(BadTableTest, WrongFieldCount) {
  Append("people.tsv", "someone\tSome One\tIRN\ttest\n");
  std::string err = LoadError();
  EXPECT_EQ(err.rfind(Path("people.tsv") + ":9:", 0), 0u) << err;
}

TEST_F(BadTableTest, BadLatitude) {
  Append("places.tsv", "Nowhere\t\tIRN\t91\t0\t0\ttest\n");
  EXPECT_EQ(LoadError(), Path("places.tsv") + ":10: bad latitude '91'");
}

TEST_F(BadTableTest, MissingCapital) {
  std::string c = Read("countries.tsv");
  c.replace(c.find("\tTashkent\t"), 10, "\tSamarqand\t");
  Write("countries.tsv", c);
  EXPECT_EQ(LoadError(), Path("countries.tsv") + ":6: capital 'Samarqand' is not in places.tsv for UZB");
}

TEST_F(BadTableTest, DuplicateCountry) {
  Append("countries.tsv", "IRN\tIRN\tIran\t\tIran\t\t\t\t\t\ttest\n");
  EXPECT_EQ(LoadError(), Path("countries.tsv") + ":8: duplicate country 'IRN'");
}

TEST_F(BadTableTest, MissingTable) {
  fs::remove(dir_ / "orgs.tsv");
  EXPECT_NE(LoadError(), "OK");
}

TEST_F(BadTableTest, UnknownOfficeKind) {
  Append("offices.tsv", "RUS.emperor\tRUS\t\temperor\tEmperor\ttest\n");
  EXPECT_EQ(LoadError(), Path("offices.tsv") + ":8: unknown office kind 'emperor'");
}

TEST_F(BadTableTest, OverlappingTermsAreListed) {
  // Rouhani's term runs to 2021-08-03; a second president from 2021-01 overlaps it,
  // and so does a second open-ended Russian president.
  Append("terms.tsv",
         "masoud_pezeshkian\tIRN.head_of_state\t2021-01-05\t2021-02-01\t\ttest\n"
         "mikhail_mishustin\tRUS.head_of_state\t2020-01-01\t2020-06-01\t\ttest\n");
  std::vector<std::string> problems = KnowledgeBase::Check(dir_.string(), Seg());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], Path("terms.tsv") + ":9: term of 'masoud_pezeshkian' as IRN.head_of_state from 2021-01-05 "
                         "overlaps the term of 'hassan_rouhani' (" + Path("terms.tsv") + ":2)");
  EXPECT_EQ(problems[1].rfind(Path("terms.tsv") + ":10: term of 'mikhail_mishustin' as RUS.head_of_state", 0), 0u)
      << problems[1];
  EXPECT_EQ(LoadError().rfind(problems[0], 0), 0u) << LoadError();
}

TEST_F(BadTableTest, HandOverDayAndSharedMonthAreNoOverlap) {
  // Same day as the predecessor's end; and a month-precision start in the month a term ends.
  Append("terms.tsv", "mikhail_mishustin\tIRN.supreme_leader\t2021-08\t\t\ttest\n"
                      "vladimir_putin\tIRN.supreme_leader\t2000-01-01\t2021-08-10\t\ttest\n");
  EXPECT_EQ(LoadError(), "OK");
  EXPECT_TRUE(KnowledgeBase::Check(dir_.string(), Seg()).empty());
}

TEST_F(BadTableTest, FullNameOfTwoPeopleIsAProblem) {
  Append("people.tsv", "other_putin\tVladimir Putin Jr\tVladimir Poutine\tRUS\ttest\n");
  std::vector<std::string> problems = KnowledgeBase::Check(dir_.string(), Seg());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], Path("people.tsv") + ":9: name 'Vladimir Poutine' is also given to another entry at " +
                             Path("people.tsv") + ":5");
}

TEST_F(BadTableTest, SharedSurnameIsNoProblem) {
  EXPECT_TRUE(KnowledgeBase::Check(dir_.string(), Seg()).empty());  // "Bush" belongs to two people
}

// --- TABARI/PETRARCH actor dictionaries --------------------------------------

TEST(ActorDictTest, Forms) {
  std::vector<std::string> problems;
  ActorDict d = ParseActorDict(
      "<!-- a comment\n"
      "     over two lines -->\n"
      "ZORAN_VASIC [SRBGOV 000507-080507] # trailing comment\n"
      "+VASIC\n"
      "+ZORAN ANTON VASIC\n"
      "\t[SRBELI >080508]\n"
      "ONODOHER\n"
      "\t[ONO <911226]\n"
      "\t[ONOGOV 19911226 - 19990815]\n"
      "BOROMIR  [---]\n",
      "actors.txt", &problems);
  EXPECT_TRUE(problems.empty()) << problems[0];
  ASSERT_EQ(d.actors.size(), 3u);
  const DictActor& z = d.actors[0];
  EXPECT_EQ(z.name, "ZORAN VASIC");
  EXPECT_EQ(z.line, 3);
  EXPECT_EQ(z.synonyms, (std::vector<std::string>{"VASIC", "ZORAN ANTON VASIC"}));
  ASSERT_EQ(z.codes.size(), 2u);
  EXPECT_EQ(z.codes[0].code, "SRBGOV");
  EXPECT_EQ(z.codes[0].from.ToString(), "2000-05-07");
  EXPECT_EQ(z.codes[0].to.ToString(), "2008-05-07");
  EXPECT_EQ(z.codes[1].from.ToString(), "2008-05-08");
  EXPECT_FALSE(z.codes[1].to.valid());
  const DictActor& o = d.actors[1];
  ASSERT_EQ(o.codes.size(), 2u);
  EXPECT_FALSE(o.codes[0].from.valid());
  EXPECT_EQ(o.codes[0].to.ToString(), "1991-12-25");  // "<911226": before that day
  EXPECT_EQ(o.codes[1].from.ToString(), "1991-12-26");
  EXPECT_EQ(o.codes[1].to.ToString(), "1999-08-15");
  EXPECT_EQ(d.actors[2].codes[0].code, "---");
}

TEST(ActorDictTest, ProblemsNameTheLineAndParsingGoesOn) {
  std::vector<std::string> problems;
  ActorDict d = ParseActorDict(
      "+ORPHAN\n"            // 1: synonym before any actor
      "GOOD [ABC]\n"         // 2
      "BAD [ABC 0105]\n"     // 3: date of four digits
      "NOCODE\n"             // 4: no code at all
      "ALSO_GOOD [XYZ]\n"    // 5
      "OPEN [ABC\n"          // 6: no ']'
      "RANGE [ABC 990101-980101]\n"  // 7: ends before it starts
      "<!-- never closed\n",  // 8
      "d.txt", &problems);
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "d.txt:1: a synonym before any actor",
                          "d.txt:3: cannot read the date restriction '0105' (YYMMDD or YYYYMMDD: A-B, <A, >A)",
                          "d.txt:4: actor 'NOCODE' has no code",
                          "d.txt:6: '[' without ']'",
                          "d.txt:7: date range ends before it starts: '990101-980101'",
                          "d.txt:9: comment '<!--' not closed",
                      }));
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_EQ(d.actors[0].name, "GOOD");
  EXPECT_EQ(d.actors[1].name, "ALSO GOOD");
}

TEST_F(BadTableTest, ActorDictionaryIsImported) {
  Write("actors.txt",
        "ZORAN_VASIC [RUSGOV 000507-080507]\n"  // a new person, country from the code's prefix
        "+VASIC\n"
        "PUTIN [RUSGOV]\n"                      // known to the tables: left to them
        "PERSIA [IRN]\n"                        // a bare country code: a name of the country
        "BLUE_HELMETS [UN]\n");                 // a bare org code: a name of the organization
  KbOptions options{{Path("actors.txt")}};
  auto kb = KnowledgeBase::Load(dir_.string(), Seg(), options);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_EQ((*kb)->Stats().imported_actors, 3u);  // all but PUTIN
  EXPECT_EQ(Describe(**kb, "Vasic a vu Poutine en Persia avec les Blue Helmets"),
            "person:Vasic person:Poutine country:Persia org:les Blue Helmets");
  std::vector<KbCandidate> c = Lookup(**kb, Seg(), "Zoran Vasic", Date{2003, 1, 1});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].name, "Zoran Vasic");
  EXPECT_EQ(c[0].country, "RUS");
  EXPECT_EQ(c[0].code, "RUSGOV");
  EXPECT_EQ(c[0].from, "2000-05-07");
  EXPECT_EQ((*kb)->persons()[static_cast<size_t>(std::find_if((*kb)->persons().begin(), (*kb)->persons().end(),
                                                                 [](const Person& p) { return p.id == "dict:ZORAN VASIC"; }) -
                                                    (*kb)->persons().begin())]
                .where,
            Path("actors.txt") + ":1");
}

TEST_F(BadTableTest, BadActorDictionaryIsAnError) {
  Write("actors.txt", "GOOD [ABC]\nBAD [ABC 0105]\n");
  auto kb = KnowledgeBase::Load(dir_.string(), Seg(), KbOptions{{Path("actors.txt")}});
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.status().message(), Path("actors.txt") +
                                        ":2: cannot read the date restriction '0105' (YYMMDD or YYYYMMDD: A-B, <A, >A)");
  auto missing = KnowledgeBase::Load(dir_.string(), Seg(), KbOptions{{Path("none.txt")}});
  EXPECT_FALSE(missing.ok());
}

// --- lookup --------------------------------------------------------------------

TEST(KbLookupTest, TitlesResolveByDate) {
  struct Case {
    const char* phrase;
    const char* date;
    const char* first;  // "kind name country office", "" when nothing
  } cases[] = {
      {"le président iranien", "2020-06-01", "person Hassan Rouhani IRN President of Iran"},
      {"le président iranien", "2023-12-07", "person Ebrahim Raisi IRN President of Iran"},
      {"le président iranien", "2025-01-10", "person Masoud Pezeshkian IRN President of Iran"},
      {"le président iranien", "2024-06-01", "country  IRN "},  // between Raisi's death and Pezeshkian
      {"M. Poutine", "2023-01-01", "person Vladimir Putin RUS President of Russia"},
      {"Poutine", "2000-01-01", "person Vladimir Putin RUS "},  // no term that day in the test tables
      {"Bush", "1990-01-01", "person George Bush USA President of the United States"},
      {"Bush", "2005-01-01", "person George W. Bush USA President of the United States"},
      {"Samarcande", "2022-09-15", "place Samarkand UZB "},
      {"la Russie", "2022-09-15", "country Russia RUS "},
  };
  for (const Case& c : cases) {
    std::vector<KbCandidate> got = Lookup(TestKb(), Seg(), c.phrase, Date::Parse(c.date));
    std::string first = got.empty() ? "" : got[0].kind + " " + got[0].name + " " + got[0].country + " " + got[0].office;
    EXPECT_EQ(first, c.first) << c.phrase << " " << c.date;
  }
  // Without a date, every holder of the office, latest first.
  std::vector<KbCandidate> all = Lookup(TestKb(), Seg(), "le président iranien", std::nullopt);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "Masoud Pezeshkian");
  EXPECT_EQ(all[2].name, "Hassan Rouhani");
}

// For every country the tables cover, the head of state on three dates across
// 2005-2025, from an answer key researched apart from the tables
// (tests/kb/head_of_state_cases.tsv, each row with its source).
TEST(KbRealDataTest, HeadOfStateOnThreeDatesPerCountry) {
  const KnowledgeBase* kb = RealKb();
  if (kb == nullptr) GTEST_SKIP() << "data/people.tsv not written yet";
  std::ifstream in(std::string(ENTENTE_SOURCE_DIR) + "/tests/kb/head_of_state_cases.tsv");
  ASSERT_TRUE(in) << "tests/kb/head_of_state_cases.tsv";
  std::string line;
  while (std::getline(in, line) && (line.empty() || line[0] == '#')) {
  }  // comments, then the header
  int rows = 0;
  std::set<std::string> countries;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    ASSERT_GE(f.size(), 3u) << line;
    const Person* p = kb->Holder("head_of_state", f[0], *Date::Parse(f[1]));
    // The key's spelling must name the holder: it matches the holder among the
    // people the tables know by that name.
    bool named = false;
    if (p != nullptr) {
      const int32_t want = static_cast<int32_t>(p - kb->persons().data());
      Segmented seg = Seg().Segment(f[2]);
      for (const KbMatch& m : kb->Match(seg.tokens, 0, static_cast<uint32_t>(seg.tokens.size()))) {
        if (m.kind != KbKind::kPerson) continue;
        named = named || m.index == want ||
                std::find(m.alternatives.begin(), m.alternatives.end(), want) != m.alternatives.end();
      }
    }
    EXPECT_TRUE(named) << f[0] << " on " << f[1] << ": key says " << f[2] << ", tables say "
                       << (p == nullptr ? "nobody" : p->name_en);
    ++rows;
    countries.insert(f[0]);
  }
  EXPECT_GE(rows, 3 * static_cast<int>(countries.size()));
  // Every country with a head of state office in the tables is in the key.
  for (const Office& o : kb->offices()) {
    if (o.kind == "head_of_state" && !o.country.empty()) {
      EXPECT_TRUE(countries.count(o.country)) << o.country;
    }
  }
}

TEST(KbRealDataTest, CapitalizedAdjectivesNeedACapital) {
  const KnowledgeBase* kb = RealKb();
  if (kb == nullptr) GTEST_SKIP() << "data/people.tsv not written yet";
  EXPECT_EQ(Describe(*kb, "He told us that the talks went well"), "");
  EXPECT_EQ(Describe(*kb, "the Iranian economy and the iranian one"), "adjective:Iranian");
  EXPECT_EQ(Describe(*kb, "les diplomates iraniens"), "adjective:iraniens");
}

TEST(KbRealDataTest, LoadsAndResolves) {
  const KnowledgeBase* kb = RealKb();
  if (kb == nullptr) GTEST_SKIP() << "data/people.tsv not written yet";
  EXPECT_GE(kb->countries().size(), 240u);
  EXPECT_GE(kb->places().size(), 300u);
  for (const Country& c : kb->countries()) {
    if (c.iso3 == "RUS" || c.iso3 == "IRN" || c.iso3 == "USA" || c.iso3 == "PSE" || c.iso3 == "XKX" ||
        c.iso3 == "TWN" || c.iso3 == "VAT") {
      EXPECT_GE(c.capital, 0) << c.iso3;
    }
  }
  struct Case {
    std::string date, expected_name;
  } cases[] = {
      {"2020-06-01", "Hassan Rouhani"},
      {"2023-01-19", "Ebrahim Raisi"},
      {"2025-06-01", "Masoud Pezeshkian"},
  };
  for (const Case& c : cases) {
    const Person* p = kb->Holder("head_of_state", "IRN", *Date::Parse(c.date));
    ASSERT_NE(p, nullptr) << c.date;
    EXPECT_EQ(p->name_en, c.expected_name) << c.date;
  }
  EXPECT_EQ(Describe(*kb, "les États-Unis"), "country:les États-Unis");
  EXPECT_EQ(Describe(*kb, "à Samarcande"), "place:Samarcande");
  EXPECT_EQ(Describe(*kb, "la Maison-Blanche"), "seat:la Maison-Blanche");
  EXPECT_EQ(Describe(*kb, "l'OCS"), "org:l'OCS");
  EXPECT_EQ(Describe(*kb, "dans la bande de Gaza"), "place:la bande de Gaza");
  EXPECT_EQ(Describe(*kb, "une bande de jeunes"), "");
  EXPECT_EQ(Describe(*kb, "en Irlande du Nord"), "place:Irlande du Nord");
  EXPECT_EQ(Describe(*kb, "au Caire et au Mexique"), "place:Caire country:Mexique");
  EXPECT_EQ(Describe(*kb, "en Amérique latine"), "");
  EXPECT_EQ(Describe(*kb, "Un responsable"), "title:responsable");
  EXPECT_EQ(Describe(*kb, "le premier jour"), "");
  EXPECT_EQ(Describe(*kb, "Dominique est venue"), "");
  EXPECT_EQ(Describe(*kb, "la Dominique"), "country:la Dominique");
  EXPECT_EQ(Describe(*kb, "Le porte-parole du ministère iranien des Affaires étrangères"),
            "title:porte-parole du ministère iranien des Affaires étrangères");
  EXPECT_EQ(Describe(*kb, "le chef du Kremlin"), "title:chef du Kremlin");
  // an abbreviation's full stop may be dropped in a name
  EXPECT_EQ(Describe(*kb, "in St. Petersburg"), "place:St. Petersburg");
  EXPECT_EQ(Describe(*kb, "in St Petersburg"), "place:St Petersburg");
  EXPECT_EQ(Describe(*kb, "le ministre russe des Affaires étrangères"),
            "title:ministre russe des Affaires étrangères");
  KbMatch m = FirstMatch(*kb, "Moscou");
  ASSERT_EQ(m.kind, KbKind::kPlace);
  EXPECT_EQ(kb->places()[m.index].country, "RUS");
  EXPECT_TRUE(kb->places()[m.index].capital);
}

}  // namespace
}  // namespace entente
