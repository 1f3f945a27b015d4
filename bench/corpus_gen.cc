#include "bench/corpus_gen.h"

#include <array>
#include <cstdio>
#include <utility>
#include <string>
#include <string_view>

namespace entente::bench {
namespace {

struct Country {
  std::string_view name;        // "la Russie"
  std::string_view bare;        // "Russie"
  std::string_view adj;         // "russe" (masculine singular)
  std::string_view adj_f;       // "russe" (feminine singular)
  std::string_view capital;     // "Moscou"
  std::string_view city;        // another city of the country
  std::string_view leader;      // "le président russe Vladimir Poutine"
  std::string_view leader_short;  // "M. Poutine"
  std::string_view minister;    // foreign minister, or "" when none fits the whole date range
};

// Office holders valid from January 2023 to April 2024, the range of the
// generated publication dates.
constexpr std::array<Country, 16> kCountries = {{
    {"la Russie", "Russie", "russe", "russe", "Moscou", "Saint-Pétersbourg",
     "le président russe Vladimir Poutine", "M. Poutine",
     "le ministre russe des Affaires étrangères Sergueï Lavrov"},
    {"l'Iran", "Iran", "iranien", "iranienne", "Téhéran", "Ispahan", "le président iranien Ebrahim Raïssi",
     "M. Raïssi", "le chef de la diplomatie iranienne Hossein Amir-Abdollahian"},
    {"la Turquie", "Turquie", "turc", "turque", "Ankara", "Istanbul",
     "le président turc Recep Tayyip Erdogan", "M. Erdogan", ""},
    {"la France", "France", "français", "française", "Paris", "Marseille",
     "le président français Emmanuel Macron", "M. Macron", ""},
    {"l'Allemagne", "Allemagne", "allemand", "allemande", "Berlin", "Munich",
     "le chancelier allemand Olaf Scholz", "M. Scholz",
     ""},
    {"la Chine", "Chine", "chinois", "chinoise", "Pékin", "Shanghai", "le président chinois Xi Jinping",
     "M. Xi", ""},
    {"les États-Unis", "États-Unis", "américain", "américaine", "Washington", "New York",
     "le président américain Joe Biden", "M. Biden", "le secrétaire d'État américain Antony Blinken"},
    {"l'Ukraine", "Ukraine", "ukrainien", "ukrainienne", "Kiev", "Odessa",
     "le président ukrainien Volodymyr Zelensky", "M. Zelensky",
     "le chef de la diplomatie ukrainienne Dmytro Kouleba"},
    {"l'Inde", "Inde", "indien", "indienne", "New Delhi", "Bombay", "le Premier ministre indien Narendra Modi",
     "M. Modi", "le ministre indien des Affaires étrangères Subrahmanyam Jaishankar"},
    {"le Brésil", "Brésil", "brésilien", "brésilienne", "Brasilia", "São Paulo",
     "le président brésilien Luiz Inácio Lula da Silva", "M. Lula", ""},
    {"l'Égypte", "Égypte", "égyptien", "égyptienne", "Le Caire", "Alexandrie",
     "le président égyptien Abdel Fattah al-Sissi", "M. Sissi", ""},
    {"l'Arabie saoudite", "Arabie saoudite", "saoudien", "saoudienne", "Riyad", "Djeddah",
     "le prince héritier saoudien Mohammed ben Salmane", "le prince héritier", ""},
    {"l'Afrique du Sud", "Afrique du Sud", "sud-africain", "sud-africaine", "Pretoria", "Johannesburg",
     "le président sud-africain Cyril Ramaphosa", "M. Ramaphosa", ""},
    {"le Kazakhstan", "Kazakhstan", "kazakh", "kazakhe", "Astana", "Almaty",
     "le président kazakh Kassym-Jomart Tokaïev", "M. Tokaïev", ""},
    {"l'Azerbaïdjan", "Azerbaïdjan", "azerbaïdjanais", "azerbaïdjanaise", "Bakou", "Gandja",
     "le président azerbaïdjanais Ilham Aliev", "M. Aliev", ""},
    {"le Qatar", "Qatar", "qatari", "qatarie", "Doha", "Al-Wakrah", "l'émir du Qatar Tamim ben Hamad Al Thani",
     "l'émir", ""},
}};

constexpr std::array<std::string_view, 7> kWeekdays = {"lundi", "mardi", "mercredi", "jeudi",
                                                       "vendredi", "samedi", "dimanche"};
constexpr std::array<std::string_view, 12> kMonths = {"janvier", "février", "mars",     "avril",
                                                      "mai",     "juin",    "juillet",  "août",
                                                      "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 12> kTopics = {
    "l'énergie",         "la sécurité régionale",  "le commerce bilatéral", "les infrastructures ferroviaires",
    "le nucléaire civil", "la sécurité alimentaire", "les transports maritimes", "la lutte contre le terrorisme",
    "l'espace",          "la santé publique",      "les investissements",   "l'éducation et la recherche"};
constexpr std::array<std::string_view, 8> kQuotes = {
    "Nous ne laisserons personne dicter notre politique étrangère",
    "Le dialogue reste la seule voie possible",
    "Cette décision est contraire au droit international",
    "Nos deux pays partagent une vision commune de la stabilité",
    "Nous appelons toutes les parties à la retenue",
    "Cette coopération ne vise aucun pays tiers",
    "Les engagements pris doivent être tenus",
    "Nous suivons la situation avec la plus grande attention"};
constexpr std::array<std::string_view, 6> kSummits = {"sommet des BRICS", "sommet de l'OCS",     "sommet du G20",
                                                      "sommet de l'OTAN", "sommet de la Ligue arabe", "sommet du G7"};

constexpr std::array<std::string_view, 5> kContext = {
    "Les discussions ont également porté sur", "Selon des sources diplomatiques, les négociations achoppent sur",
    "Les observateurs attendent des avancées concrètes sur", "Le communiqué final ne mentionne pas",
    "Plusieurs experts estiment que le dossier le plus sensible reste"};

template <typename Array>
std::string_view PickFrom(SplitMix64& rng, const Array& a) {
  return a[rng.Below(a.size())];
}

// "de la Russie" / "de l'Iran" / "du Brésil" / "des États-Unis".
std::string Of(std::string_view name) {
  if (name.starts_with("le ")) return "du " + std::string(name.substr(3));
  if (name.starts_with("les ")) return "des " + std::string(name.substr(4));
  return "de " + std::string(name);
}

// "à la Russie" / "à l'Iran" / "au Brésil" / "aux États-Unis".
std::string To(std::string_view name) {
  if (name.starts_with("le ")) return "au " + std::string(name.substr(3));
  if (name.starts_with("les ")) return "aux " + std::string(name.substr(4));
  return "à " + std::string(name);
}

// "russe" -> "russes", "française" -> "françaises", "français" -> "français".
std::string Plural(std::string_view adj) {
  std::string out(adj);
  if (!out.ends_with('s') && !out.ends_with('x')) out += 's';
  return out;
}

// "à Moscou" / "au Caire".
std::string At(std::string_view city) {
  if (city.starts_with("Le ")) return "au " + std::string(city.substr(3));
  return "à " + std::string(city);
}

std::string Capitalize(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// A time expression relative to `published`, always in the past.
std::string When(SplitMix64& rng, const Date& published) {
  switch (rng.Below(6)) {
    case 0:
    case 1: {
      int back = 1 + static_cast<int>(rng.Below(6));
      return std::string(kWeekdays[published.AddDays(-back).Weekday()]);
    }
    case 2:
      return "hier";
    case 3:
      return "la semaine dernière";
    case 4: {
      Date d = published.AddDays(-static_cast<int>(rng.Below(20)));
      return "le " + std::to_string(d.day) + (d.day == 1 ? "er " : " ") + std::string(kMonths[d.month - 1]);
    }
    default:
      return "dans la matinée";
  }
}

}  // namespace

std::string CorpusGenerator::Sentence(const Date& published, int a, int b) {
  const Country& x = kCountries[a];
  const Country& y = kCountries[b];
  std::string when = When(rng_, published);
  std::string topic(PickFrom(rng_, kTopics));
  std::string xa = Leader(a), yb = Leader(b);
  if (!x.minister.empty() && !y.minister.empty() && rng_.Below(3) == 0) {
    xa = x.minister;
    yb = y.minister;
  }
  switch (rng_.Below(26)) {
    case 0:
      return Capitalize(xa) + " a rencontré " + when + " " + At(y.capital) + " " + yb +
             ", avec qui il a évoqué " + topic + ".";
    case 1:
      return Capitalize(xa) + " s'est entretenu " + when + " avec " + yb + " en marge d'un forum économique " +
             At(x.city) + ".";
    case 2:
      return Capitalize(xa) + " a reçu " + when + " " + At(x.capital) + " " + yb +
             ", pour sa première visite officielle depuis son élection.";
    case 3:
      return Capitalize(xa) + " s'est rendu " + when + " " + At(y.capital) +
             " pour une visite de deux jours consacrée " + To(topic) + ".";
    case 4:
      return Capitalize(xa) + " et " + yb + " ont eu " + when + " un entretien téléphonique consacré " + To(topic) +
             ", selon un communiqué.";
    case 5:
      return Capitalize(xa) + " s'est entretenu par téléphone avec " + yb + " " + when + ".";
    case 6: {
      Date d = published.AddDays(10 + static_cast<int>(rng_.Below(40)));
      if (d.day == Date::DaysInMonth(d.year, d.month)) d = d.AddDays(-1);  // a two-day range in one month
      return "Les dirigeants des deux pays participeront au " + std::string(PickFrom(rng_, kSummits)) +
             ", qui se tiendra " + At(y.city) + " du " + std::to_string(d.day) + " au " +
             std::to_string(d.day + 1) + " " + std::string(kMonths[d.month - 1]) + ".";
    }
    case 7:
      return "« " + std::string(PickFrom(rng_, kQuotes)) + " », a déclaré " + when +
             " le porte-parole du ministère " + std::string(x.adj) + " des Affaires étrangères.";
    case 8:
      return Capitalize(x.name) + " est prête à renforcer la coopération avec " + std::string(y.name) +
             " dans le domaine " + Of(topic) + ", a affirmé " + xa + ".";
    case 9:
      return Capitalize(xa) + " et " + yb + " sont convenus " + when + " de relancer les discussions sur " +
             topic + ".";
    case 10:
      return Capitalize(x.name) + " et " + std::string(y.name) + " ont conclu un accord sur " + topic + " " +
             when + ", après plusieurs mois de négociations.";
    case 11:
      return Capitalize(x.name) + " et " + std::string(y.name) + " ont signé " + when +
             " " + At(x.capital) + " un accord de coopération sur " + topic + ".";
    case 12:
      return Capitalize(xa) + " a salué " + when + " « l'esprit constructif » de " + yb + ".";
    case 13:
      return Capitalize(xa) + " a critiqué " + when + " la politique " + std::string(y.adj_f) +
             " dans la région, la jugeant « irresponsable ».";
    case 14:
      return std::string(x.capital) + " a condamné " + when + " les frappes menées par " + std::string(y.name) +
             " près de la frontière.";
    case 15:
      return "Les autorités " + Plural(x.adj_f) + " accusent " + std::string(y.name) +
             " de soutenir des groupes armés dans la région.";
    case 16:
      return Capitalize(xa) + " a accusé " + when + " " + std::string(y.capital) +
             " de mener une campagne de désinformation.";
    case 17:
      return Capitalize(xa) + " a menacé " + when + " de suspendre les livraisons de gaz " + To(y.name) + ".";
    case 18:
      return Capitalize(x.name) + " dénonce des menaces de frappes contre ses installations " +
             "de la part " + Of(y.name) + ".";
    case 19:
      return "Plusieurs entreprises " + Plural(y.adj_f) + " ont été sanctionnées " + when + " par " +
             std::string(x.name) + " pour leur rôle dans " + topic + ".";
    case 20:
      return Capitalize(x.name) + " a imposé des sanctions " + To(y.name) + " " + when +
             ", visant une vingtaine de responsables.";
    case 21:
      return "L'armée " + std::string(x.adj_f) + " a frappé " + when + " des positions " + Of(y.name) +
             " près de " + std::string(y.city) + ".";
    case 22:
      return Capitalize(x.name) + " a envoyé des troupes " + To(y.name) + " " + when +
             ", selon le ministère de la Défense.";
    case 23:
      return Capitalize(x.name) + " a livré une aide humanitaire de " + std::to_string(10 + rng_.Below(500)) +
             " tonnes " + To(y.name) + " " + when + ".";
    case 24:
      return Capitalize(xa) + " a annoncé " + when + " une aide de " + std::to_string(5 + rng_.Below(300)) +
             " millions d'euros " + To(y.name) + ".";
    default:
      return "En " + std::to_string(published.year - 1 - static_cast<int>(rng_.Below(4))) + ", " + std::string(x.name) +
             " et " + std::string(y.name) + " avaient signé un accord de partenariat stratégique.";
  }
}

std::string CorpusGenerator::Leader(int country) {
  // The full title on first mention in an article, then often the short form.
  const uint32_t bit = 1u << country;
  if ((mentioned_ & bit) != 0 && rng_.Below(2) == 0) return std::string(kCountries[country].leader_short);
  mentioned_ |= bit;
  return std::string(kCountries[country].leader);
}

Document CorpusGenerator::Next() {
  ++count_;
  mentioned_ = 0;
  Document doc;
  char id[32];
  snprintf(id, sizeof id, "bench-%07llu", static_cast<unsigned long long>(count_));
  doc.id = id;
  doc.source = "entente bench";
  doc.language = "fr";
  // 2023-01-02 .. 2024-04-30: the range where every office holder above serves.
  Date published = Date{2023, 1, 2}.AddDays(static_cast<int64_t>(rng_.Below(485)));
  doc.published = published;
  doc.published_from = "metadata";
  doc.origin = "bench";
  int a = static_cast<int>(rng_.Below(kCountries.size()));
  int b = static_cast<int>(rng_.Below(kCountries.size() - 1));
  if (b >= a) ++b;
  doc.title = Capitalize(kCountries[a].bare) + " et " + std::string(kCountries[b].bare) + " : " +
              std::string(PickFrom(rng_, kTopics)) + " au cœur des discussions";
  int paragraphs = 3 + static_cast<int>(rng_.Below(5));
  for (int p = 0; p < paragraphs; ++p) {
    if (p > 0) doc.text += "\n\n";
    int sentences = 2 + static_cast<int>(rng_.Below(3));
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) doc.text += ' ';
      // Mostly the two countries of the article, sometimes a third one.
      int x = a, y = b;
      if (rng_.Below(2) == 0) std::swap(x, y);
      if (rng_.Below(5) == 0) {
        y = static_cast<int>(rng_.Below(kCountries.size()));
        if (y == x) y = (y + 1) % static_cast<int>(kCountries.size());
      }
      switch (rng_.Below(4)) {
        case 0:  // context without an event
          doc.text += std::string(PickFrom(rng_, kContext)) + " " + std::string(PickFrom(rng_, kTopics)) + ".";
          break;
        default:
          doc.text += Sentence(published, x, y);
      }
    }
  }
  doc.text += '\n';
  return doc;
}

}  // namespace entente::bench
