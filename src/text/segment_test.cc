#include "text/segment.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "text/text_internal.h"

namespace entente {
namespace {

std::unique_ptr<Segmenter> Make(const std::string& lang) {
  auto seg = Segmenter::Create(ENTENTE_DATA_DIR, lang);
  EXPECT_TRUE(seg.ok()) << seg.status().ToString();
  return std::move(seg).value();
}

std::vector<std::string> Surfaces(std::string_view text, const Segmented& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<std::string> SentenceTexts(std::string_view text, const Segmented& s) {
  std::vector<std::string> out;
  for (const Sentence& x : s.sentences) out.emplace_back(text.substr(x.begin, x.end - x.begin));
  return out;
}

// Every token in exactly one sentence, in order; spans agree with tokens.
void CheckInvariants(std::string_view text, const Segmented& s) {
  uint32_t next = 0;
  for (const Sentence& x : s.sentences) {
    ASSERT_EQ(x.first_token, next);
    ASSERT_LT(x.first_token, x.last_token);
    ASSERT_EQ(x.begin, s.tokens[x.first_token].begin);
    ASSERT_EQ(x.end, s.tokens[x.last_token - 1].end);
    next = x.last_token;
  }
  ASSERT_EQ(next, s.tokens.size());
  uint32_t prev_end = 0;
  for (const Token& t : s.tokens) {
    ASSERT_LE(prev_end, t.begin);
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    prev_end = t.end;
  }
}

struct TokenCase {
  const char* lang;
  const char* text;
  std::vector<std::string> tokens;
};

TEST(SegmentTest, Tokens) {
  const TokenCase kCases[] = {
      {"fr", "l'Iran", {"l'", "Iran"}},
      {"fr", "L’Iran et d’Israël", {"L’", "Iran", "et", "d’", "Israël"}},
      {"fr", "aujourd'hui", {"aujourd'hui"}},
      {"fr", "aujourd’hui", {"aujourd’hui"}},
      {"fr", "s'est entretenu", {"s'", "est", "entretenu"}},
      {"fr",
       "qu'il jusqu'à lorsqu'elle presqu'île",
       {"qu'", "il", "jusqu'", "à", "lorsqu'", "elle", "presqu'", "île"}},
      {"fr", "la Maison-Blanche", {"la", "Maison", "-", "Blanche"}},
      {"fr", "a-t-il dit", {"a", "-", "t", "-", "il", "dit"}},
      {"fr", "le 07/12/2023 à 14h30", {"le", "07", "/", "12", "/", "2023", "à", "14", "h", "30"}},
      {"fr", "7 200 soldats", {"7", "200", "soldats"}},
      {"fr", "«Paix», dit-il.", {"«", "Paix", "»", ",", "dit", "-", "il", "."}},
      {"fr", "« Non » (AFP)", {"«", "Non", "»", "(", "AFP", ")"}},
      {"fr", "Kyiv\u00a0: 3,5 %", {"Kyiv", ":", "3", ",", "5", "%"}},
      {"fr", "négo\u00adciations", {"négo\u00adciations"}},
      {"en", "Iran's leader", {"Iran", "'s", "leader"}},
      {"en", "Iran’s leader", {"Iran", "’s", "leader"}},
      {"en", "don't O'Brien", {"don't", "O'Brien"}},
      {"en", "costs $5 billion", {"costs", "$", "5", "billion"}},
      {"en", "", {}},
      {"en", " \n\t ", {}},
  };
  for (const TokenCase& c : kCases) {
    auto seg = Make(c.lang);
    Segmented s = seg->Segment(c.text);
    EXPECT_EQ(Surfaces(c.text, s), c.tokens) << c.text;
    CheckInvariants(c.text, s);
  }
}

TEST(SegmentTest, TokenFields) {
  auto seg = Make("fr");
  std::string text = "L’Œuvre de Raïssi, «Kyïv»—Erdoğan STRAẞE";
  Segmented s = seg->Segment(text);
  ASSERT_EQ(Surfaces(text, s), (std::vector<std::string>{"L’", "Œuvre", "de", "Raïssi", ",", "«", "Kyïv", "»",
                                                         "—", "Erdoğan", "STRAẞE"}));
  EXPECT_TRUE(s.tokens[0].elided);
  EXPECT_TRUE(s.tokens[0].capitalized);
  EXPECT_EQ(s.tokens[0].norm, "l'");
  EXPECT_EQ(s.tokens[1].norm, "œuvre");
  EXPECT_EQ(s.tokens[1].fold, "oeuvre");
  EXPECT_EQ(s.tokens[2].kind, TokenKind::kWord);
  EXPECT_FALSE(s.tokens[2].capitalized);
  EXPECT_EQ(s.tokens[3].norm, "raïssi");
  EXPECT_EQ(s.tokens[3].fold, "raissi");
  EXPECT_EQ(s.tokens[4].kind, TokenKind::kPunct);
  EXPECT_EQ(s.tokens[5].norm, "\"");
  EXPECT_EQ(s.tokens[8].norm, "-");
  EXPECT_EQ(s.tokens[9].fold, "erdogan");
  EXPECT_EQ(s.tokens[10].norm, "straße");
  EXPECT_EQ(s.tokens[10].fold, "strasse");
}

TEST(SegmentTest, DecomposedInputIsComposed) {
  auto seg = Make("fr");
  std::string text = "Re\u0301publique";
  Segmented s = seg->Segment(text);
  ASSERT_EQ(s.tokens.size(), 1u);
  EXPECT_EQ(s.tokens[0].norm, "république");
  EXPECT_EQ(s.tokens[0].fold, "republique");
  EXPECT_EQ(s.tokens[0].end, text.size());
}

TEST(SegmentTest, NumbersAndSymbols) {
  auto seg = Make("fr");
  std::string text = "12 € + 5";
  Segmented s = seg->Segment(text);
  ASSERT_EQ(s.tokens.size(), 4u);
  EXPECT_EQ(s.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(s.tokens[2].kind, TokenKind::kSymbol);
}

struct SentenceCase {
  const char* lang;
  const char* text;
  std::vector<std::string> sentences;
};

TEST(SegmentTest, Sentences) {
  const SentenceCase kCases[] = {
      {"fr",
       "M. Poutine a rencontré Mme Dupont. Ils ont parlé.",
       {"M. Poutine a rencontré Mme Dupont.", "Ils ont parlé."}},
      {"fr",
       "MM. Durand et Petit sont arrivés. Le Dr. Martin aussi.",
       {"MM. Durand et Petit sont arrivés.", "Le Dr. Martin aussi."}},
      {"fr", "J. Biden a parlé. Il partira.", {"J. Biden a parlé.", "Il partira."}},
      {"en",
       "George W. Bush met Sen. Smith in the U.S. Capitol. They talked.",
       {"George W. Bush met Sen. Smith in the U.S. Capitol.", "They talked."}},
      {"fr",
       "Titre sans point\nLe ministre est arrivé. Il a dit « Non. » Puis il est parti !",
       {"Titre sans point", "Le ministre est arrivé.", "Il a dit « Non. »", "Puis il est parti !"}},
      {"fr", "Pourquoi ? » a-t-il demandé. Personne.", {"Pourquoi ? » a-t-il demandé.", "Personne."}},
      {"fr",
       "Il y avait des chars, des avions, etc. et des drones.",
       {"Il y avait des chars, des avions, etc. et des drones."}},
      {"fr",
       "Il y avait des chars, etc. Le ministre a répondu.",
       {"Il y avait des chars, etc.", "Le ministre a répondu."}},
      {"fr", "Né en 52 av. J.-C. à Rome. Il régna.", {"Né en 52 av. J.-C. à Rome.", "Il régna."}},
      {"fr", "Le taux est de 3.5 pour cent. Voilà.", {"Le taux est de 3.5 pour cent.", "Voilà."}},
      {"fr", "1. Le premier point\n2. Le second point", {"1. Le premier point", "2. Le second point"}},
      {"fr", "Ils se sont vus en 2023. Le sommet suivra.", {"Ils se sont vus en 2023.", "Le sommet suivra."}},
      {"fr", "Attendez... Non ! Oui?! Bien.", {"Attendez...", "Non !", "Oui?!", "Bien."}},
      {"en", "He said: \"We agree.\" Then he left.", {"He said: \"We agree.\"", "Then he left."}},
      {"en", "Talks (in Geneva.) Ended. ", {"Talks (in Geneva.)", "Ended."}},
      {"fr", "Légende\r\n\r\nPhoto AFP", {"Légende", "Photo AFP"}},
      {"fr", "  Une phrase.  ", {"Une phrase."}},
      {"fr", "Il a dit… que non.", {"Il a dit… que non."}},
      {"fr",
       "Il a dit [...] Nous verrons (?) Demain. Fin.",
       {"Il a dit [...] Nous verrons (?) Demain.", "Fin."}},
      {"fr", "Il est arrivé le 07/12. Il repart.", {"Il est arrivé le 07/12.", "Il repart."}},
      {"fr",
       "Le plan est prêt, a déclaré M. Raïssi. Le président a signé.",
       {"Le plan est prêt, a déclaré M. Raïssi.", "Le président a signé."}},
      {"en", "The U.N. chief spoke. Then he left.", {"The U.N. chief spoke.", "Then he left."}},
      {"fr", "Voir https://t.me/exemple. Fin", {"Voir https://t.me/exemple.", "Fin"}},
  };
  for (const SentenceCase& c : kCases) {
    auto seg = Make(c.lang);
    Segmented s = seg->Segment(c.text);
    EXPECT_EQ(SentenceTexts(c.text, s), c.sentences) << c.text;
    CheckInvariants(c.text, s);
  }
}

TEST(SegmentTest, OffsetsRoundTrip) {
  auto seg = Make("fr");
  std::string text =
      "Le président turc Recep Tayyip Erdoğan s’est entretenu jeudi à Ankara avec M. Lavrov.\n"
      "« Nous voulons la paix », a-t-il déclaré — selon l’agence.";
  Segmented s = seg->Segment(text);
  CheckInvariants(text, s);
  for (const Token& t : s.tokens) {
    std::string surface = text.substr(t.begin, t.end - t.begin);
    EXPECT_EQ(NormText(surface), t.norm) << surface;
    EXPECT_EQ(FoldText(surface), t.fold) << surface;
  }
  EXPECT_EQ(s.sentences.size(), 2u);
}

TEST(SegmentTest, NormAndFoldHelpers) {
  EXPECT_EQ(NormText("L’ÉLYSÉE"), "l'élysée");
  EXPECT_EQ(FoldText("L’ÉLYSÉE"), "l'elysee");
  EXPECT_EQ(FoldText("Œcuménique Æther"), "oecumenique aether");
  EXPECT_EQ(NormText("«Paix»–Guerre"), "\"paix\"-guerre");
  EXPECT_EQ(FoldText("Erdoğan"), "erdogan");
  EXPECT_EQ(FoldText("ABC"), "abc");
  EXPECT_EQ(FoldText(""), "");
}

TEST(SegmentTest, BadTablesAreReported) {
  auto seg = Segmenter::Create("/nonexistent", "fr");
  EXPECT_TRUE(seg.ok());  // the table is optional
  auto odd = Segmenter::Create(ENTENTE_DATA_DIR, "../fr");
  EXPECT_TRUE(odd.ok());  // not a language code: generic rules
}

TEST(SegmentTest, MalformedTableNamesFileAndLine) {
  std::string dir = ::testing::TempDir() + "/entente_segment_test";
  std::filesystem::create_directories(dir + "/fr");
  {
    std::ofstream out(dir + "/fr/abbreviations.tsv");
    out << "abbreviation\tkind\tsource\nM.\ttitle\ttest\netc.\tmaybe\ttest\n";
  }
  auto seg = Segmenter::Create(dir, "fr");
  ASSERT_FALSE(seg.ok());
  EXPECT_EQ(seg.status().code(), StatusCode::kDataError);
  EXPECT_NE(seg.status().message().find("abbreviations.tsv:3:"), std::string::npos) << seg.status().message();
  {
    std::ofstream out(dir + "/fr/abbreviations.tsv");
    out << "abbreviation\tsource\nM.\ttest\n";  // kind is optional
  }
  EXPECT_TRUE(Segmenter::Create(dir, "fr").ok());
  std::filesystem::remove_all(dir);
}

TEST(SegmentTest, ConcurrentCallsAgree) {
  auto seg = Make("fr");
  std::string text;
  for (int i = 0; i < 200; ++i)
    text += "L’émissaire s’est rendu à Téhéran. « Œuvrer pour la paix », dit-il.\n";
  Segmented expected = seg->Segment(text);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Segmented s = seg->Segment(text);
      bool eq = s.tokens.size() == expected.tokens.size() && s.sentences.size() == expected.sentences.size();
      for (size_t i = 0; eq && i < s.tokens.size(); ++i) {
        eq = s.tokens[i].fold == expected.tokens[i].fold && s.tokens[i].begin == expected.tokens[i].begin;
      }
      same[t] = eq ? 1 : 0;
    });
  }
  for (auto& th : threads) th.join();
  for (int v : same) EXPECT_EQ(v, 1);
}

TEST(SegmentTest, InvalidBytesDoNotCrash) {
  auto seg = Make("fr");
  std::string text = "abc\xff\xfe d\xc3";
  Segmented s = seg->Segment(text);
  CheckInvariants(text, s);
}

TEST(SegmentTest, LargeTextIsLinear) {
  auto seg = Make("fr");
  std::string unit = "Le ministre des Affaires étrangères a rencontré M. Wang à Pékin le 3 mars 2023. ";
  std::string para = "Titre de l’article\n";
  std::string text;
  while (text.size() < (5u << 20)) {
    text += para;
    for (int i = 0; i < 20; ++i) text += unit;
    text += "\n";
  }
  // And one very long line with no punctuation at all.
  for (int i = 0; i < 5000; ++i) text += "mot ";
  Segmented s = seg->Segment(text);
  CheckInvariants(text, s);
  EXPECT_GT(s.sentences.size(), 50000u);
  for (const Sentence& x : s.sentences) EXPECT_LE(x.last_token - x.first_token, 1024u);
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

// The table-driven fast path agrees with ICU for every code point it covers,
// alone and between letters.
TEST(SegmentTest, FastPathMatchesIcu) {
  auto check = [](const std::string& s) {
    std::string norm, fold;
    if (!internal::FastNormFold(s, &norm, &fold)) return;
    std::string icu_norm = internal::IcuNormText(s);
    EXPECT_EQ(norm, icu_norm) << s;
    EXPECT_EQ(fold, internal::FoldNormalized(icu_norm)) << s;
  };
  int covered = 0;
  for (auto [lo, hi] :
       {std::pair<UChar32, UChar32>{0x80, 0x250}, std::pair<UChar32, UChar32>{0x2000, 0x2070}}) {
    for (UChar32 c = lo; c < hi; ++c) {
      icu::UnicodeString u(c);
      std::string one;
      u.toUTF8String(one);
      std::string norm;
      if (internal::FastNormFold(one, &norm, nullptr)) ++covered;
      check(one);
      check("A" + one + "e");
      check(one + one);
    }
  }
  EXPECT_GT(covered, 400);
}

}  // namespace
}  // namespace entente
