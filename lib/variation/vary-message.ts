// Message variation, done locally: spintax ({Hi|Hello|Hey}), synonyms from a shipped table,
// emojis by keyword and a sentence shuffle that keeps the first sentence (the greeting) in front.
// The same text, options and seed always give the same result. Placeholders ({{name}}), URLs,
// e-mail addresses and numbers are set aside before anything changes and put back unchanged.
import { type AiModifications } from "@/lib/variation/variation.schema";
import { pick, seededRandom, type Random } from "@/lib/variation/seeded-random";
import { EMOJI_KEYWORDS, GENERIC_EMOJIS, SYNONYM_GROUPS } from "@/lib/variation/variation-tables";

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const NUMBER = /[+-]?\d+(?:[.,:/-]\d+)*%?/g;
const SPIN = /\{([^{}]*\|[^{}]*)\}/;
const MAX_EMOJIS = 3;

/** A span kept as it is: replaced by a marker made of private-use characters (no letters, no digits). */
class Vault {
  private readonly kept: string[] = [];
  hide(text: string, pattern: RegExp): string {
    return text.replace(pattern, (m) => {
      this.kept.push(m);
      return `\uE000${String.fromCharCode(0xe100 + this.kept.length - 1)}\uE001`;
    });
  }
  restore(text: string): string {
    return text.replace(/\uE000(.)\uE001/g, (_m, c: string) => this.kept[c.charCodeAt(0) - 0xe100] ?? "");
  }
}

const synonymsOf = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const word of group) synonymsOf.set(word, group);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SYNONYM = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...synonymsOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

/** One variant of `text`. `seed` decides every choice. */
export function varyMessage(text: string, modifications: AiModifications = {}, seed = "wagate"): string {
  const random = seededRandom(seed);
  const vault = new Vault();
  let out = vault.hide(vault.hide(text, PLACEHOLDER), URL_OR_EMAIL);
  if (modifications.spintax !== false) out = resolveSpintax(out, random);
  out = vault.hide(out, NUMBER);
  if (modifications.useSynonyms) out = replaceSynonyms(out, random);
  if (modifications.shuffleSentences) out = shuffleSentences(out, random);
  if (modifications.addEmojis) out = addEmojis(out, random);
  return vault.restore(out);
}

/** `count` variants, each with its own seed derived from `seed`. */
export function varyMessages(text: string, modifications: AiModifications, count: number, seed = "wagate"): string[] {
  return Array.from({ length: count }, (_, i) => varyMessage(text, modifications, `${seed}:${i}`));
}

function resolveSpintax(text: string, random: Random): string {
  let out = text;
  // Innermost first, so nested choices ({a|{b|c}}) work; bounded against pathological input.
  for (let i = 0; i < 1000; i++) {
    const match = SPIN.exec(out);
    if (!match) break;
    out = out.slice(0, match.index) + pick(random, match[1].split("|")) + out.slice(match.index + match[0].length);
  }
  return out;
}

function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return replacement.toUpperCase();
  if (original[0] !== original[0].toLowerCase()) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

function replaceSynonyms(text: string, random: Random): string {
  return text.replace(SYNONYM, (word: string) => {
    const group = synonymsOf.get(word.toLowerCase());
    return group ? matchCase(word, pick(random, group)) : word;
  });
}

/** Sentences with their trailing punctuation; the whitespace between them is normalised to one space. */
function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function shuffleSentences(text: string, random: Random): string {
  // Only within one paragraph: line breaks are structure the writer chose.
  return text
    .split(/\n/)
    .map((line) => {
      const sentences = splitSentences(line);
      if (sentences.length < 3) return line;
      const rest = sentences.slice(1);
      for (let i = rest.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [rest[i], rest[j]] = [rest[j], rest[i]];
      }
      return [sentences[0], ...rest].join(" ");
    })
    .join("\n");
}

function addEmojis(text: string, random: Random): string {
  const used = new Set<string>();
  const lines = text.split(/\n/).map((line) =>
    splitSentences(line).length === 0
      ? line
      : splitSentences(line)
          .map((sentence) => {
            if (used.size >= MAX_EMOJIS) return sentence;
            const lower = sentence.toLowerCase();
            const hit = EMOJI_KEYWORDS.find(
              ([keywords, emoji]) => !used.has(emoji) && keywords.some((k) => new RegExp(`(?<![\\p{L}])${escape(k)}(?![\\p{L}])`, "u").test(lower)),
            );
            if (!hit) return sentence;
            used.add(hit[1]);
            return `${sentence} ${hit[1]}`;
          })
          .join(" "),
  );
  let out = lines.join("\n");
  if (used.size === 0 && random() < 0.5) out = `${out} ${pick(random, GENERIC_EMOJIS)}`;
  return out;
}
