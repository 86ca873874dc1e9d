// pluralizeModelName: the `pluralize` npm package 8.0.0 (`plural`), which the reference uses
// with improvePluralization: false for model plural names and default index names. Its rules are
// case-insensitive regular expressions anchored at the end of the word; here each rule is a list
// of suffix patterns, and like the RegExp the leftmost (longest) matching suffix wins.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "codegen/model_builder.h"

namespace amplify::codegen {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string Uppered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Upper(c);
  return out;
}

// One suffix pattern. Syntax: lower-case literals, `[abc]` / `[^abc]` classes, and `(N...)` for
// capture group N (a single digit).
struct Rule {
  std::vector<std::string> patterns;
  std::string replacement;     // `$0` the match, `$1` `$2` the groups
  bool at_word_start = false;  // the RegExp starts with `\b` (or `^`)
};

// A match of one pattern at the end of the word.
struct Match {
  size_t start = 0;
  std::array<std::optional<std::string>, 3> groups;  // [1] and [2] used
};

// Matches `pattern` against the end of `lower`; returns the match start or nullopt.
std::optional<Match> MatchSuffix(std::string_view pattern, std::string_view word,
                                 std::string_view lower) {
  // Count the characters the pattern consumes.
  size_t length = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '(') {
      ++i;  // group number
    } else if (c == ')') {
    } else if (c == '[') {
      while (pattern[i] != ']') ++i;
      ++length;
    } else {
      ++length;
    }
  }
  if (length > lower.size()) return std::nullopt;
  Match match;
  match.start = lower.size() - length;
  size_t pos = match.start;
  int open_group = 0;
  size_t group_start = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '(') {
      open_group = pattern[++i] - '0';
      group_start = pos;
    } else if (c == ')') {
      match.groups[open_group] = std::string(word.substr(group_start, pos - group_start));
      open_group = 0;
    } else if (c == '[') {
      bool negated = pattern[i + 1] == '^';
      size_t end = pattern.find(']', i);
      std::string_view members = pattern.substr(i + 1 + (negated ? 1 : 0),
                                                end - i - 1 - (negated ? 1 : 0));
      bool in_class = members.find(lower[pos]) != std::string_view::npos;
      if (in_class == negated) return std::nullopt;
      ++pos;
      i = end;
    } else {
      if (lower[pos] != c) return std::nullopt;
      ++pos;
    }
  }
  return match;
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// pluralize's restoreCase: gives `token` the case pattern of `word`.
std::string RestoreCase(std::string_view word, std::string_view token) {
  if (word == token) return std::string(token);
  if (word == Lowered(word)) return Lowered(token);
  if (word == Uppered(word)) return Uppered(token);
  if (!word.empty() && word[0] == Upper(word[0])) {
    std::string out = Lowered(token);
    if (!out.empty()) out[0] = Upper(out[0]);
    return out;
  }
  return Lowered(token);
}

std::string Interpolate(std::string_view replacement, std::string_view matched,
                        const Match& match) {
  std::string out;
  for (size_t i = 0; i < replacement.size(); ++i) {
    if (replacement[i] == '$' && i + 1 < replacement.size()) {
      int group = replacement[++i] - '0';
      if (group == 0) {
        out += matched;
      } else if (match.groups[group]) {
        out += *match.groups[group];
      }
      continue;
    }
    out += replacement[i];
  }
  return out;
}

// `(stem|stem…)(?:tail|tail…)` as one pattern per combination, the stems as group 1.
std::vector<std::string> Stems(std::initializer_list<std::string_view> stems,
                               std::initializer_list<std::string_view> tails) {
  std::vector<std::string> patterns;
  for (std::string_view stem : stems) {
    for (std::string_view tail : tails) {
      patterns.push_back("(1" + std::string(stem) + ")" + std::string(tail));
    }
  }
  return patterns;
}

// The plural rules in the order pluralize adds them (it tries them last to first). The
// uncountable regular expressions come last: addUncountableRule appends them as `$0` rules.
const std::vector<Rule>& PluralRules() {
  static const std::vector<Rule> rules = {
      {{"s", ""}, "s"},
      {Stems({"[^aeiou]ese"}, {""}), "$1"},
      {Stems({"ax", "test"}, {"is"}), "$1es"},
      {Stems({"alias", "[^aou]us", "t[lm]as", "gas", "ris"}, {""}), "$1es"},
      {Stems({"e[mn]u"}, {"s", ""}), "$1s"},
      {Stems({"[^l]ias", "[aeiou]las", "[ejzr]as", "[iu]am"}, {""}), "$1"},
      {Stems({"alumn", "syllab", "vir", "radi", "nucle", "fung", "cact", "stimul", "termin",
              "bacill", "foc", "uter", "loc", "strat"},
             {"us", "i"}),
       "$1i"},
      {Stems({"alumn", "alg", "vertebr"}, {"a", "ae"}), "$1ae"},
      {Stems({"seraph", "cherub"}, {"im", ""}), "$1im"},
      {Stems({"her", "at", "gr"}, {"o"}), "$1oes"},
      {Stems({"agend", "addend", "millenni", "dat", "extrem", "bacteri", "desiderat", "strat",
              "candelabr", "errat", "ov", "symposi", "curricul", "automat", "quor"},
             {"a", "um"}),
       "$1a"},
      {Stems({"apheli", "hyperbat", "periheli", "asyndet", "noumen", "phenomen", "criteri",
              "organ", "prolegomen", "hedr", "automat"},
             {"a", "on"}),
       "$1a"},
      {{"sis"}, "ses"},
      {{"(1kni)fe", "(1wi)fe", "(1li)fe", "(2ar)f", "(2l)f", "(2ea)f", "(2eo)f", "(2oa)f",
        "(2hoo)f"},
       "$1$2ves"},
      {{"(1[^aeiouy])y", "(1qu)y"}, "$1ies"},
      {Stems({"[^ch][ieo][ln]"}, {"ey"}), "$1ies"},
      {Stems({"x", "ch", "ss", "sh", "zz"}, {""}), "$1es"},
      {Stems({"matr", "cod", "mur", "sil", "vert", "ind", "append"}, {"ix", "ex"}), "$1ices"},
      {Stems({"titm", "m", "l"}, {"ice", "ouse"}), "$1ice", true},
      {Stems({"pe"}, {"rson", "ople"}), "$1ople"},
      {Stems({"child"}, {"ren", ""}), "$1ren"},
      {{"eaux"}, "$0"},
      {{"m[ae]n"}, "men"},
      {{"thou"}, "you", true},
      {{"pokemon"}, "$0"},
      {{"[^aeiou]ese"}, "$0"},
      {{"deer"}, "$0"},
      {{"fish"}, "$0"},
      {{"measles"}, "$0"},
      {{"o[iu]s"}, "$0"},
      {{"pox"}, "$0"},
      {{"sheep"}, "$0"},
  };
  return rules;
}

// Whole words (lower case) with no plural: pluralize's uncountable strings.
const std::unordered_set<std::string_view>& Uncountables() {
  static const std::unordered_set<std::string_view> words = {
      "adulthood", "advice", "agenda", "aid", "aircraft", "alcohol", "ammo", "analytics",
      "anime", "athletics", "audio", "bison", "blood", "bream", "buffalo", "butter", "carp",
      "cash", "chassis", "chess", "clothing", "cod", "commerce", "cooperation", "corps",
      "debris", "diabetes", "digestion", "elk", "energy", "equipment", "excretion", "expertise",
      "firmware", "flounder", "fun", "gallows", "garbage", "graffiti", "hardware",
      "headquarters", "health", "herpes", "highjinks", "homework", "housework", "information",
      "jeans", "justice", "kudos", "labour", "literature", "machinery", "mackerel", "mail",
      "media", "mews", "moose", "music", "mud", "manga", "news", "only", "personnel", "pike",
      "plankton", "pliers", "police", "pollution", "premises", "rain", "research", "rice",
      "salmon", "scissors", "series", "sewage", "shambles", "shrimp", "software", "species",
      "staff", "swine", "tennis", "traffic", "transportation", "trout", "tuna", "wealth",
      "welfare", "whiting", "wildebeest", "wildlife", "you"};
  return words;
}

// pluralize's irregular rules, single → plural (lower case).
const std::vector<std::pair<std::string_view, std::string_view>>& Irregulars() {
  static const std::vector<std::pair<std::string_view, std::string_view>> pairs = {
      {"i", "we"}, {"me", "us"}, {"he", "they"}, {"she", "they"}, {"them", "them"},
      {"myself", "ourselves"}, {"yourself", "yourselves"}, {"itself", "themselves"},
      {"herself", "themselves"}, {"himself", "themselves"}, {"themself", "themselves"},
      {"is", "are"}, {"was", "were"}, {"has", "have"}, {"this", "these"}, {"that", "those"},
      {"echo", "echoes"}, {"dingo", "dingoes"}, {"volcano", "volcanoes"},
      {"tornado", "tornadoes"}, {"torpedo", "torpedoes"}, {"genus", "genera"},
      {"viscus", "viscera"}, {"stigma", "stigmata"}, {"stoma", "stomata"},
      {"dogma", "dogmata"}, {"lemma", "lemmata"}, {"schema", "schemata"},
      {"anathema", "anathemata"}, {"ox", "oxen"}, {"axe", "axes"}, {"die", "dice"},
      {"yes", "yeses"}, {"foot", "feet"}, {"eave", "eaves"}, {"goose", "geese"},
      {"tooth", "teeth"}, {"quiz", "quizzes"}, {"human", "humans"}, {"proof", "proofs"},
      {"carve", "carves"}, {"valve", "valves"}, {"looey", "looies"}, {"thief", "thieves"},
      {"groove", "grooves"}, {"pickaxe", "pickaxes"}, {"passerby", "passersby"}};
  return pairs;
}

// The best (leftmost, then first listed) match of `rule` at the end of the word.
// Whether the pattern's last element can match `last`: a cheap test that rules out almost every
// pattern before MatchSuffix does the full work (most names end in a letter few rules take).
bool LastElementAccepts(std::string_view pattern, char last) {
  while (!pattern.empty() && pattern.back() == ')') pattern.remove_suffix(1);
  if (pattern.empty()) return true;
  if (pattern.back() != ']') return pattern.back() == last;
  size_t open = pattern.rfind('[');
  std::string_view members = pattern.substr(open + 1, pattern.size() - open - 2);
  bool negated = !members.empty() && members.front() == '^';
  if (negated) members.remove_prefix(1);
  return (members.find(last) != std::string_view::npos) != negated;
}

std::optional<Match> MatchRule(const Rule& rule, std::string_view word, std::string_view lower) {
  std::optional<Match> best;
  for (const std::string& pattern : rule.patterns) {
    if (!LastElementAccepts(pattern, lower.back())) continue;
    std::optional<Match> match = MatchSuffix(pattern, word, lower);
    if (!match) continue;
    if (rule.at_word_start) {
      bool boundary = match->start == 0 || !IsWordChar(lower[match->start - 1]);
      if (pattern == "thou" ? match->start != 0 : !boundary) continue;
    }
    if (!best || match->start < best->start) best = std::move(match);
  }
  return best;
}

std::string ApplyRules(std::string_view word, std::string_view lower) {
  // [^\u0000-\u007F]$ keeps words ending in a non-ASCII character as they are.
  if (static_cast<unsigned char>(word.back()) >= 0x80) return std::string(word);
  const std::vector<Rule>& rules = PluralRules();
  for (auto rule = rules.rbegin(); rule != rules.rend(); ++rule) {
    std::optional<Match> match = MatchRule(*rule, word, lower);
    if (!match) continue;
    std::string_view matched = word.substr(match->start);
    std::string result = Interpolate(rule->replacement, matched, *match);
    // An empty match takes its case from the character before it.
    std::string_view case_source = matched.empty() ? word.substr(match->start - 1, 1) : matched;
    return std::string(word.substr(0, match->start)) + RestoreCase(case_source, result);
  }
  return std::string(word);
}

}  // namespace

std::string PluralizeModelName(const std::string& model_name) {
  if (model_name.empty()) return model_name;
  std::string lower = Lowered(model_name);
  // pluralize checks the irregular plurals before the singulars.
  static const auto [plurals, plural_of] = [] {
    std::unordered_set<std::string_view> p;
    std::unordered_map<std::string_view, std::string_view> of;
    for (const auto& [single, plural] : Irregulars()) {
      p.insert(plural);
      of.emplace(single, plural);
    }
    return std::pair{std::move(p), std::move(of)};
  }();
  if (plurals.count(lower) != 0) return RestoreCase(model_name, lower);
  if (auto it = plural_of.find(lower); it != plural_of.end()) {
    return RestoreCase(model_name, it->second);
  }
  if (Uncountables().count(lower) != 0) return model_name;
  return ApplyRules(model_name, lower);
}

}  // namespace amplify::codegen
