// Table-driven tests of the whole extraction on short French texts written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "entente/pipeline.h"

namespace entente {
namespace {

struct Case {
  const char* name;
  const char* published;
  const char* text;
  // Expected events, each "TYPE COUNTRIES DATE FLAGS" e.g. "MEET FRA,DEU 2024-03-14 -"
  // (countries sorted; DATE "from..to" or one day; FLAGS: - none, B background, F future).
  std::vector<std::string> expected;
  const char* lang = "fr";
};

std::string Summary(const Event& e) {
  std::set<std::string> cs;
  for (const Actor& a : e.actors) cs.insert(a.country.empty() ? a.org : a.country);
  std::string countries;
  for (const std::string& c : cs) countries += (countries.empty() ? "" : ",") + c;
  std::string date = "none";
  if (e.date) {
    date = e.date->from.ToString();
    if (e.date->to != e.date->from) date += ".." + e.date->to.ToString();
  }
  std::string flags = e.background ? "B" : e.future ? "F" : "-";
  return e.type + " " + countries + " " + date + " " + flags;
}

class ExtractorTest : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() { delete pipeline_; }
  static Pipeline* pipeline_;
};
Pipeline* ExtractorTest::pipeline_ = nullptr;

TEST_P(ExtractorTest, Events) {
  const Case& c = GetParam();
  ASSERT_NE(pipeline_, nullptr);
  Document d;
  d.id = c.name;
  d.language = c.lang;
  d.text = c.text;
  d.published = Date::Parse(c.published);
  auto events = pipeline_->Extract(d, nullptr);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  std::vector<std::string> got;
  for (const Event& e : *events) {
    got.push_back(Summary(e));
    // every event is traceable to the text
    EXPECT_EQ(d.text.substr(e.evidence.start, e.evidence.end - e.evidence.start), e.evidence.sentence);
    EXPECT_LE(e.evidence.trigger_end, d.text.size());
    for (const Actor& a : e.actors) {
      if (a.end > a.begin) {
        EXPECT_EQ(d.text.substr(a.begin, a.end - a.begin), a.text);
      }
    }
  }
  std::vector<std::string> want = c.expected;
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want) << c.text;
}

const Case kCases[] = {
    {"meet_simple", "2024-03-14",
     "Le chancelier allemand Olaf Scholz a rencontré mardi à Paris le président Emmanuel Macron.",
     {"MEET DEU,FRA 2024-03-12 -"}},
    {"phone_call_weekday", "2024-03-14",
     "Le président turc Recep Tayyip Erdogan s'est entretenu mercredi par téléphone avec son homologue "
     "russe Vladimir Poutine.",
     {"PHONE_CALL RUS,TUR 2024-03-13 -"}},
    {"visit_without_meeting", "2024-03-14",
     "Le ministre chinois des Affaires étrangères Wang Yi s'est rendu lundi à Berlin.",
     {"VISIT CHN,DEU 2024-03-11 -"}},
    {"visit_is_meeting", "2024-03-14",
     "Emmanuel Macron s'est rendu lundi à Ankara, où il a rencontré le président turc Recep Tayyip Erdogan.",
     {"MEET FRA,TUR 2024-03-11 -"}},
    {"pair_without_antecedent_gives_nothing", "2024-03-14",
     "Les deux dirigeants s'étaient déjà rencontrés en septembre 2022 à Samarcande.",
     {}},
    {"recalled_meeting", "2024-03-14",
     "Emmanuel Macron a reçu jeudi Olaf Scholz à l'Élysée. Les deux dirigeants s'étaient rencontrés en "
     "septembre 2022 à Samarcande.",
     {"MEET DEU,FRA 2024-03-14 -", "MEET DEU,FRA 2022-09-01..2022-09-30 B"}},
    {"sign_background", "2024-03-14",
     "En 2015, la France, l'Allemagne et l'Iran ont signé un accord sur le nucléaire.",
     {"SIGN DEU,FRA,IRN 2015-01-01..2015-12-31 B"}},
    {"future_meeting_range", "2024-03-14",
     "Le président algérien Abdelmadjid Tebboune recevra le président français Emmanuel Macron à Alger du 2 "
     "au 4 avril.",
     {"MEET DZA,FRA 2024-04-02..2024-04-04 F"}},
    {"accuse_and_passive_sanction", "2024-03-14",
     "Les États-Unis accusent la Corée du Nord de livrer des missiles. Plusieurs entreprises du pays ont été "
     "sanctionnées.",
     {"ACCUSE PRK,USA 2024-03-14 -", "SANCTION PRK,USA 2024-03-14 -"}},
    {"threat_noun", "2024-03-14",
     "Ces menaces de frappes contre l'Iran proférées par le Premier ministre israélien Benyamin Netanyahou "
     "inquiètent Moscou.",
     {"THREATEN IRN,ISR 2024-03-14 -"}},
    {"military_background", "2024-03-14",
     "La Russie a envoyé des milliers de soldats en Ukraine en février 2022.",
     {"MILITARY_ACTION RUS,UKR 2022-02-01..2022-02-28 B"}},
    {"statement_spokesman", "2024-03-14",
     "Les sanctions ne changeront rien, a déclaré jeudi le porte-parole du Kremlin, Dmitri Peskov.",
     {"STATEMENT RUS 2024-03-14 -"}},
    {"negated_meeting_is_marked", "2024-03-14", "Le président français n'a pas rencontré Vladimir Poutine.",
     {"MEET FRA,RUS 2024-03-14 -"}},
    {"reaction_aims_at_the_earlier_source", "2024-03-14",
     "La Russie a frappé lundi la ville de Kharkiv. Paris a condamné ces attaques.",
     {"MILITARY_ACTION RUS,UKR 2024-03-11 -", "CRITICIZE FRA,RUS 2024-03-14 -"}},
    {"institutions_by_adjective", "2024-03-14",
     "Trois entreprises chinoises ont été sanctionnées mardi par le Trésor américain.",
     {"SANCTION CHN,USA 2024-03-12 -"}},
    {"quoted_object_and_adjective_source", "2024-03-14",
     "Le Japon a critiqué mardi les « manœuvres de Pékin ». Les autorités philippines dénoncent les menaces "
     "chinoises contre leurs navires.",
     {"CRITICIZE CHN,JPN 2024-03-12 -", "CRITICIZE CHN,PHL 2024-03-14 -"}},
    {"no_event", "2024-03-14", "La météo sera ensoleillée sur Paris ce week-end selon les prévisionnistes.", {}},
};

INSTANTIATE_TEST_SUITE_P(French, ExtractorTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// English through the same stages: verb group (negation, passive, modality, "to"), titles and genitives.
const Case kEnglishCases[] = {
    {"en_negated_meeting", "2024-02-16", "Russian President Vladimir Putin did not meet his Turkish counterpart on Monday.",
     {"MEET RUS,TUR 2024-02-12 -"}, "en"},
    {"en_passive_genitive", "2024-02-16", "Iran's foreign minister was received by Mr. Putin in Moscow.",
     {"MEET IRN,RUS 2024-02-16 -"}, "en"},
    {"en_expected_to_visit", "2024-02-16", "The Kremlin leader is expected to visit Ankara next week.",
     {"VISIT RUS,TUR 2024-02-19..2024-02-25 F"}, "en"},
    {"en_modal_and_speech", "2024-02-16", "Washington could impose sanctions on Tehran, the White House said.",
     {"SANCTION IRN,USA 2024-02-16 F", "STATEMENT USA 2024-02-16 -"}, "en"},
    {"en_infinitive_is_no_event", "2024-02-16", "China threatened to impose sanctions on Japan on Monday.",
     {"THREATEN CHN,JPN 2024-02-12 -"}, "en"},
    {"en_irregular_verb", "2024-02-16", "Chinese Foreign Minister Wang Yi held talks with his Russian counterpart in Beijing on Tuesday.",
     {"MEET CHN,RUS 2024-02-13 -"}, "en"},
    {"en_coordinated_participants", "2024-02-16", "The US, Russia and Switzerland met in Geneva on Monday.",
     {"MEET CHE,RUS,USA 2024-02-12 -"}, "en"},
    // a participle after the object with no comma says what the object says: no event of its own
    {"en_participle_after_object", "2024-02-16",
     "Japan and Australia signed an accord in Canberra on Monday pledging closer naval cooperation.",
     {"SIGN AUS,JPN 2024-02-12 -"}, "en"},
    // after a comma, the participle is an act of the subject, at the main verb's time
    {"en_participle_after_comma", "2024-02-16",
     "China and Pakistan signed a trade accord on Monday, pledging to expand a joint corridor.",
     {"SIGN CHN,PAK 2024-02-12 -", "INTENT_COOPERATE CHN,PAK 2024-02-12 -"}, "en"},
    // a noun in apposition restates the visit the verb told
    {"en_apposition_restates_visit", "2024-02-16",
     "Indian Prime Minister Narendra Modi visited Tokyo on Saturday, his second trip to Japan this year.",
     {"VISIT IND,JPN 2024-02-10 -"}, "en"},
    // a meeting on the sidelines of a gathering named by its organization is a meeting, not the gathering;
    // "the summit" told next is that gathering, an event of its own
    {"en_meeting_inside_named_gathering", "2023-09-08",
     "Japanese Prime Minister Fumio Kishida met Indonesian President Joko Widodo in Jakarta on Wednesday on the "
     "sidelines of the ASEAN summit. The summit ends on Thursday.",
     {"MEET IDN,JPN 2023-09-06 -", "SUMMIT IDN,JPN 2023-09-07 -"}, "en"},
};

INSTANTIATE_TEST_SUITE_P(English, ExtractorTest, ::testing::ValuesIn(kEnglishCases),
                         [](const ::testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

TEST(PipelineTest, BadDataFolderIsAnError) {
  PipelineOptions o;
  o.data_dir = "/nonexistent/entente-data";
  auto p = Pipeline::Create(o);
  EXPECT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("/nonexistent/entente-data"), std::string::npos);
}

TEST(PipelineTest, NoDateMeansNoEventDate) {
  auto p = Pipeline::Create({});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Document d;
  d.id = "nodate";
  d.language = "fr";
  d.text = "Le président Emmanuel Macron a rencontré jeudi le chancelier allemand Olaf Scholz.";
  std::vector<std::string> warnings;
  auto events = (*p)->Extract(d, &warnings);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_FALSE((*events)[0].date.has_value());
  EXPECT_FALSE(warnings.empty());
}

TEST(PipelineTest, Deterministic) {
  auto p = Pipeline::Create({});
  ASSERT_TRUE(p.ok());
  Document d;
  d.id = "det";
  d.language = "fr";
  d.published = Date{2024, 3, 14};
  d.text = "Le ministre russe des Affaires étrangères Sergueï Lavrov a reçu mardi à Moscou son homologue "
           "iranien. Les deux hommes ont évoqué la situation en Syrie.";
  auto a = (*p)->Extract(d, nullptr);
  auto b = (*p)->Extract(d, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) EXPECT_EQ(EventToJson((*a)[i]), EventToJson((*b)[i]));
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

TEST(PipelineTest, TopicsComeFromTheReportingSentences) {
  auto p = Pipeline::Create({});
  ASSERT_TRUE(p.ok());
  Document d;
  d.id = "topics";
  d.language = "fr";
  d.published = Date{2024, 3, 14};
  d.text = "La Turquie et l'Azerbaïdjan ont signé mardi un accord sur le transit du gaz vers l'Europe.";
  auto events = (*p)->Extract(d, nullptr);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  const std::vector<std::string>& topics = (*events)[0].topics;
  EXPECT_NE(std::find(topics.begin(), topics.end(), "energy"), topics.end());
  EXPECT_NE(std::find(topics.begin(), topics.end(), "transport"), topics.end());
  EXPECT_EQ(std::find(topics.begin(), topics.end(), "terrorism"), topics.end());
}

}  // namespace
}  // namespace entente
