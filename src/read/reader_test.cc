#include "entente/reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace entente {
namespace {

std::string TestData(const std::string& name) {
  return std::string(ENTENTE_SOURCE_DIR) + "/src/read/testdata/" + name;
}

// Everything the sink received, in order.
struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  std::vector<int> order;  // 1 = document, 0 = error
  Status status;
};

Collected ReadFile(const std::string& name, ReadOptions options = {}) {
  Collected c;
  c.status = ReadPath(TestData(name), options, [&](Result<Document> d) {
    if (d.ok()) {
      c.docs.push_back(std::move(*d));
      c.order.push_back(1);
    } else {
      c.errors.push_back(d.status().message());
      c.order.push_back(0);
    }
  });
  return c;
}

Collected ReadString(const std::string& content, InputFormat format, ReadOptions options = {},
                     const std::string& name = "mem") {
  Collected c;
  std::istringstream in(content);
  c.status = ReadStream(in, name, format, options, [&](Result<Document> d) {
    if (d.ok()) {
      c.docs.push_back(std::move(*d));
      c.order.push_back(1);
    } else {
      c.errors.push_back(d.status().message());
      c.order.push_back(0);
    }
  });
  return c;
}

bool HasWarning(const Document& d, const std::string& part) {
  for (const std::string& w : d.warnings) {
    if (w.find(part) != std::string::npos) return true;
  }
  return false;
}

bool Contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// --- Whole-file refusals, one row per bad input ------------------------------

TEST(ReaderTest, RefusedFiles) {
  struct Case {
    const char* file;
    const char* message;  // expected suffix
  } cases[] = {
      {"empty.txt", "empty.txt: empty file"},
      {"binary.txt", "binary.txt: binary data, not text"},
  };
  for (const Case& c : cases) {
    Collected got = ReadFile(c.file);
    EXPECT_TRUE(got.status.ok()) << c.file;
    ASSERT_EQ(got.errors.size(), 1u) << c.file;
    EXPECT_TRUE(got.docs.empty()) << c.file;
    const std::string& m = got.errors[0];
    EXPECT_TRUE(m.size() >= strlen(c.message) &&
                m.compare(m.size() - strlen(c.message), std::string::npos, c.message) == 0)
        << m;
  }
}

TEST(ReaderTest, MissingFileIsAnError) {
  int calls = 0;
  Status st = ReadPath(TestData("does-not-exist.txt"), {}, [&](Result<Document>) { ++calls; });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(calls, 0);
  EXPECT_FALSE(ReadPath(TestData(""), {}, [&](Result<Document>) { ++calls; }).ok());  // a directory
}

// --- Encodings ----------------------------------------------------------------

TEST(ReaderTest, Latin1IsConvertedWithWarning) {
  Collected got = ReadFile("latin1.txt");
  ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0]);
  const Document& d = got.docs[0];
  EXPECT_EQ(d.text, "Le président a reçu l’ambassadeur – une première.\n");
  EXPECT_TRUE(HasWarning(d, "converted from Windows-1252/Latin-1"));
  EXPECT_EQ(d.id, "latin1");
}

TEST(ReaderTest, InvalidUtf8IsConvertedWholeWithWarning) {
  Collected got = ReadFile("invalid_utf8.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  const Document& d = got.docs[0];
  EXPECT_TRUE(HasWarning(d, "converted from Windows-1252/Latin-1"));
  EXPECT_TRUE(Contains(d.text, "café")) << d.text;
  EXPECT_TRUE(Contains(d.text, "ÿþ")) << d.text;
}

TEST(ReaderTest, BomIsStripped) {
  Collected got = ReadFile("bom.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "Texte avec BOM.\n");
  EXPECT_FALSE(HasWarning(got.docs[0], "converted"));
}

// --- Plain text -------------------------------------------------------------------

TEST(ReaderTest, PlainTextWithHeaders) {
  Collected got = ReadFile("headers.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  const Document& d = got.docs[0];
  EXPECT_EQ(d.id, "exemple-1");
  EXPECT_EQ(d.title, "Le président reçoit son homologue");
  EXPECT_EQ(d.source, "Agence Exemple");
  EXPECT_EQ(d.url, "https://exemple.test/a/1");
  EXPECT_EQ(d.language, "fr");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToString(), "2024-02-14");
  EXPECT_EQ(d.published_from, "metadata");
  EXPECT_EQ(d.text.substr(0, 13), "Le président");
  EXPECT_TRUE(d.warnings.empty());
}

TEST(ReaderTest, PlainTextHeaderOnlyWhenEveryLineIsAKey) {
  Collected got = ReadFile("no_header.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  const Document& d = got.docs[0];
  EXPECT_EQ(d.id, "no_header");
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.text.substr(0, 6), "Title:");
}

TEST(ReaderTest, PlainTextHeaderTable) {
  struct Case {
    const char* input;
    const char* title;
    const char* text;
  } cases[] = {
      {"TITLE: Un\r\ndate: 2024-01-01\r\n\r\nCorps.", "Un", "Corps."},
      {"Title: Un\nAuteur: X\n\nCorps.", "", "Title: Un\nAuteur: X\n\nCorps."},
      {"Title: Un\nCorps sans ligne vide.", "", "Title: Un\nCorps sans ligne vide."},
      {"\nCorps après une ligne vide.", "", "\nCorps après une ligne vide."},
  };
  for (const Case& c : cases) {
    Collected got = ReadString(c.input, InputFormat::kText);
    ASSERT_EQ(got.docs.size(), 1u) << c.input;
    EXPECT_EQ(got.docs[0].title, c.title) << c.input;
    EXPECT_EQ(got.docs[0].text, c.text) << c.input;
  }
  Collected only_header = ReadString("Title: Un\n\n", InputFormat::kText);
  ASSERT_EQ(only_header.errors.size(), 1u);
  EXPECT_TRUE(Contains(only_header.errors[0], "has no text")) << only_header.errors[0];
}

TEST(ReaderTest, MissingPublicationDateWarns) {
  Collected got = ReadFile("latin1.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_FALSE(got.docs[0].published.has_value());
  EXPECT_EQ(got.docs[0].published_from, "");
  EXPECT_TRUE(HasWarning(got.docs[0], "no publication date: relative dates stay unresolved"));
}

TEST(ReaderTest, DatelineGivesThePublicationDate) {
  Collected got = ReadFile("dateline.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  const Document& d = got.docs[0];
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToString(), "2023-04-11");
  EXPECT_EQ(d.published_from, "dateline");
  EXPECT_TRUE(d.warnings.empty());
  // The text is kept byte for byte, dateline included.
  EXPECT_EQ(d.text.substr(0, 4), "ROME");
}

// --- JSON Lines -------------------------------------------------------------------

TEST(ReaderTest, JsonLinesBatch) {
  Collected got = ReadFile("batch.jsonl");
  EXPECT_TRUE(got.status.ok());
  // a1 ok, a2 not JSON, a3 no text, (blank), a4 ok, no id ok, a6 text not a
  // string, [1,2,3] not an object, 7 ok.
  EXPECT_EQ(got.order, (std::vector<int>{1, 0, 0, 1, 1, 0, 0, 1}));
  ASSERT_EQ(got.docs.size(), 4u);
  ASSERT_EQ(got.errors.size(), 4u);

  const Document& a1 = got.docs[0];
  EXPECT_EQ(a1.id, "a1");
  EXPECT_EQ(a1.url, "https://exemple.test/1");
  EXPECT_EQ(a1.source, "Exemple");
  EXPECT_EQ(a1.language, "fr");
  EXPECT_EQ(a1.title, "Premier");
  EXPECT_EQ(a1.published->ToString(), "2024-01-10");
  EXPECT_EQ(a1.published_from, "metadata");
  EXPECT_TRUE(Contains(a1.origin, "batch.jsonl:1"));
  EXPECT_TRUE(a1.warnings.empty());

  EXPECT_TRUE(Contains(got.errors[0], "batch.jsonl:2: not JSON: ")) << got.errors[0];
  EXPECT_TRUE(Contains(got.errors[1], "batch.jsonl:3: document 'a3' has no text")) << got.errors[1];

  const Document& a4 = got.docs[1];
  EXPECT_EQ(a4.id, "a4");
  EXPECT_EQ(a4.language, "en");
  EXPECT_EQ(a4.published->ToString(), "2024-01-12");

  const Document& noid = got.docs[2];
  EXPECT_EQ(noid.id, "batch.jsonl:6");
  EXPECT_FALSE(noid.published.has_value());
  EXPECT_TRUE(HasWarning(noid, "no publication date: relative dates stay unresolved"));
  EXPECT_TRUE(HasWarning(noid, "pas une date"));

  EXPECT_TRUE(Contains(got.errors[2], "batch.jsonl:7: document 'a6': \"text\" is not a string"))
      << got.errors[2];
  EXPECT_TRUE(Contains(got.errors[3], "batch.jsonl:8: not a JSON object")) << got.errors[3];

  // A year-less dateline takes its year from the URL.
  const Document& d7 = got.docs[3];
  EXPECT_EQ(d7.id, "7");
  ASSERT_TRUE(d7.published.has_value());
  EXPECT_EQ(d7.published->ToString(), "2023-12-07");
  EXPECT_EQ(d7.published_from, "dateline");
  EXPECT_TRUE(HasWarning(d7, "has no year"));
}

TEST(ReaderTest, JsonLineYearlessDatelineWithoutHintLeavesDateUnset) {
  Collected got =
      ReadString(R"({"id":"x","text":"MOSCOU, 7 décembre (AFP) - Une dépêche."})", InputFormat::kJsonl);
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_FALSE(got.docs[0].published.has_value());
  EXPECT_TRUE(HasWarning(got.docs[0], "MOSCOU, 7 décembre (AFP) -"));
  EXPECT_TRUE(HasWarning(got.docs[0], "relative dates stay unresolved"));
}

TEST(ReaderTest, JsonLineInLatin1IsConverted) {
  std::string line =
      "{\"id\":\"l1\",\"text\":\"Le pr\xe9sident fran\xe7"
      "ais.\"}\n";
  Collected got = ReadString(line, InputFormat::kJsonl);
  ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0]);
  EXPECT_EQ(got.docs[0].text, "Le président français.");
  EXPECT_TRUE(HasWarning(got.docs[0], "converted from Windows-1252/Latin-1"));
}

TEST(ReaderTest, JsonLineBadInputTable) {
  struct Case {
    std::string line;
    const char* message;
  } cases[] = {
      {"{\"id\":\"b\"}", "mem:1: document 'b' has no text"},
      {"{\"id\":\"b\",\"text\":\"   \"}", "mem:1: document 'b' has no text"},
      {"{\"id\":\"b\",\"text\":null}", "mem:1: document 'b' has no text"},
      {"{\"id\":\"b\",\"text\":\"x\",\"title\":[1]}", "mem:1: document 'b': \"title\" is not a string"},
      {"{\"id\":{},\"text\":\"x\"}", "mem:1: \"id\" is not a string or an integer"},
      {"{\"id\":\"b\",\"text\":\"x\"", "mem:1: not JSON: "},
      {"not json at all", "mem:1: not JSON: "},
      {"\"just a string\"", "mem:1: not a JSON object"},
      {std::string("{\"id\":\"b\",\"text\":\"a\0b\"}", 24), "mem:1: binary data, not text"},
  };
  for (const Case& c : cases) {
    Collected got = ReadString(c.line, InputFormat::kJsonl);
    ASSERT_EQ(got.errors.size(), 1u) << c.line;
    EXPECT_TRUE(Contains(got.errors[0], c.message)) << got.errors[0];
  }
}

TEST(ReaderTest, JsonLinesLongLineIsSkippedAndBatchGoesOn) {
  ReadOptions opts;
  opts.max_document_bytes = 1000;
  std::string input = "{\"id\":\"big\",\"text\":\"" + std::string(200000, 'a') + "\"}\n" +
                      "{\"id\":\"small\",\"text\":\"Court.\"}\n";
  Collected got = ReadString(input, InputFormat::kJsonl, opts);
  EXPECT_EQ(got.order, (std::vector<int>{0, 1}));
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(Contains(got.errors[0], "mem:1: line of 200022 bytes exceeds the limit of 1000 bytes"))
      << got.errors[0];
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].id, "small");
  EXPECT_EQ(got.docs[0].origin, "mem:2");
}

TEST(ReaderTest, StdinStyleAutoDetection) {
  Collected jsonl = ReadString("\n  {\"id\":\"j\",\"text\":\"Un.\"}\n{\"id\":\"k\",\"text\":\"Deux.\"}",
                               InputFormat::kAuto);
  ASSERT_EQ(jsonl.docs.size(), 2u);
  EXPECT_EQ(jsonl.docs[0].origin, "mem:2");
  EXPECT_EQ(jsonl.docs[1].id, "k");
  Collected by_name = ReadString("{\"id\":\"j\"}", InputFormat::kAuto, {}, "notes.txt");
  ASSERT_EQ(by_name.docs.size(), 1u);  // a .txt name decides: plain text
  Collected text = ReadString("  Un texte simple.", InputFormat::kAuto);
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].text, "  Un texte simple.");
}

// --- Size -------------------------------------------------------------------------

std::string BigArticle(size_t bytes) {
  const std::string sentence = "Le ministre a rencontré son homologue pour évoquer la coopération. ";
  std::string text;
  text.reserve(bytes + sentence.size());
  while (text.size() < bytes) text += sentence;
  return text;
}

TEST(ReaderTest, FiftyMegabyteArticleIsRead) {
  const std::string text = BigArticle(size_t{50} << 20);
  {
    Collected got = ReadString(text, InputFormat::kText, {}, "big.txt");
    ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0]);
    EXPECT_EQ(got.docs[0].text.size(), text.size());
  }
  {
    Collected got = ReadString("{\"id\":\"big\",\"text\":\"" + text + "\"}\n", InputFormat::kJsonl);
    ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0]);
    EXPECT_EQ(got.docs[0].text.size(), text.size());
  }
}

TEST(ReaderTest, DocumentOverTheLimitIsRefused) {
  ReadOptions opts;
  opts.max_document_bytes = 4096;
  const std::string text = BigArticle(10000);
  Collected got = ReadString(text, InputFormat::kText, opts, "big.txt");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0],
            "big.txt: document of " + std::to_string(text.size()) + " bytes exceeds the limit of 4096 bytes");
  // A JSON line whose text is over the limit after unescaping.
  Collected j =
      ReadString("{\"id\":\"e\",\"text\":\"" + std::string(3000, 'x') + "\"}", InputFormat::kJsonl, [] {
        ReadOptions o;
        o.max_document_bytes = 2000;
        return o;
      }());
  ASSERT_EQ(j.errors.size(), 1u);
  EXPECT_TRUE(Contains(j.errors[0], "exceeds the limit of 2000 bytes")) << j.errors[0];
}

// --- HTML -------------------------------------------------------------------------

TEST(ReaderTest, HtmlBoilerplateIsRemoved) {
  Collected got = ReadFile("article.html");
  ASSERT_EQ(got.docs.size(), 1u) << (got.errors.empty() ? "" : got.errors[0]);
  const Document& d = got.docs[0];
  EXPECT_EQ(d.id, "article");
  EXPECT_EQ(d.title, "Rencontre à Berlin entre les deux ministres");
  EXPECT_EQ(d.language, "fr");
  EXPECT_EQ(d.source, "Le Journal Exemple");
  EXPECT_EQ(d.url, "https://exemple.test/monde/2024/03/05/rencontre-berlin");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToString(), "2024-03-05");
  EXPECT_EQ(d.published_from, "metadata");
  EXPECT_EQ(d.text,
            "Rencontre à Berlin entre les deux ministres\n"
            "Le ministre des affaires étrangères a rencontré mardi son homologue allemand à Berlin.\n"
            "Les deux hommes ont évoqué l'aide à l’Ukraine & la défense européenne.\n"
            "Une visite préparée\n"
            "Shares in the defence group rose after the meeting, according to analysts.");
}

TEST(ReaderTest, HtmlTable) {
  struct Case {
    const char* html;
    const char* text;  // nullptr: refused
  } cases[] = {
      // No <article>: the body's paragraphs.
      {"<html><body><p>Un.</p><div><p>Deux</p></div><nav><p>Menu</p></nav></body></html>", "Un.\nDeux"},
      // <main> when there is no <article>.
      {"<body><p>Hors</p><main><p>Dedans</p><li>Point</li></main></body>", "Dedans\nPoint"},
      // Read-also and share lines in both languages.
      {"<p>Read more: other story</p><p>See also this</p><p>Follow us on X</p><p>Voir aussi</p>"
       "<p>À lire aussi : autre</p><p>Subscribe</p><p>Texte.</p>",
       "Texte."},
      // Whitespace collapsed, <br> a space, entities decoded.
      {"<p>  Un\n\t deux<br>trois &eacute;t&eacute;  </p>", "Un deux trois été"},
      // Nothing left: refused.
      {"<html><body><nav><p>Menu</p></nav><script>x</script></body></html>", nullptr},
  };
  for (const Case& c : cases) {
    Collected got = ReadString(c.html, InputFormat::kHtml, {}, "page.html");
    if (c.text == nullptr) {
      ASSERT_EQ(got.errors.size(), 1u) << c.html;
      EXPECT_TRUE(Contains(got.errors[0], "has no text")) << got.errors[0];
      continue;
    }
    ASSERT_EQ(got.docs.size(), 1u) << c.html;
    EXPECT_EQ(got.docs[0].text, c.text) << c.html;
  }
}

TEST(ReaderTest, DeeplyNestedHtml) {
  auto nested = [](int depth) {
    std::string html;
    for (int i = 0; i < depth; ++i) html += "<div><span>";
    html += "<p>Profond.</p>";
    return html;
  };
  // Deep but plausible: read (iteratively, no stack overflow).
  Collected ok = ReadString(nested(900), InputFormat::kHtml, {}, "deep.html");
  ASSERT_EQ(ok.docs.size(), 1u) << (ok.errors.empty() ? "" : ok.errors[0]);
  EXPECT_EQ(ok.docs[0].text, "Profond.");
  // Hostile: refused before parsing (gumbo is quadratic in depth).
  Collected bad = ReadString(nested(50000), InputFormat::kHtml, {}, "deep.html");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0], "deep.html: HTML nested more than 2000 elements deep; refused");
  // Many unclosed paragraphs and list items are not depth.
  std::string flat = "<ul>";
  for (int i = 0; i < 5000; ++i) flat += "<li>point <br><p>texte";
  Collected many = ReadString(flat, InputFormat::kHtml, {}, "flat.html");
  EXPECT_EQ(many.docs.size(), 1u);
}

}  // namespace
}  // namespace entente
