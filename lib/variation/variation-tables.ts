// The word lists variation works from, shipped with the gateway (English and Indonesian). Each
// synonym group is a set of words that can stand for each other in a short chat message; keep
// groups to words that are safe in any context.

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // English
  ["hi", "hello", "hey"],
  ["thanks", "thank you", "many thanks"],
  ["great", "excellent", "wonderful", "fantastic"],
  ["good", "fine", "nice"],
  ["big", "large", "huge"],
  ["small", "little", "tiny"],
  ["quick", "fast", "rapid"],
  ["buy", "purchase", "get"],
  ["help", "assist", "support"],
  ["happy", "glad", "pleased"],
  ["start", "begin"],
  ["offer", "deal"],
  ["now", "today", "right now"],
  ["new", "fresh", "latest"],
  ["check", "see", "look at"],
  ["please", "kindly"],
  ["soon", "shortly"],
  ["question", "query"],
  ["answer", "reply", "response"],
  ["important", "essential"],
  ["free", "complimentary"],
  ["reminder", "heads-up"],
  ["discount", "price cut", "markdown"],
  // Indonesian
  ["halo", "hai", "hallo"],
  ["terima kasih", "makasih", "trims"],
  ["bagus", "keren", "mantap"],
  ["besar", "gede"],
  ["kecil", "mungil"],
  ["cepat", "kilat", "segera"],
  ["beli", "belanja", "borong"],
  ["bantu", "tolong"],
  ["senang", "gembira", "bahagia"],
  ["mulai", "memulai"],
  ["penawaran", "tawaran", "promo"],
  ["sekarang", "saat ini", "hari ini"],
  ["baru", "terbaru"],
  ["silakan", "mohon"],
  ["pertanyaan", "tanya"],
  ["jawaban", "balasan"],
  ["penting", "utama"],
  ["gratis", "cuma-cuma"],
  ["pengingat", "reminder"],
  ["diskon", "potongan harga"],
  ["cantik", "indah", "menawan"],
];

/** Keywords (lower case, English and Indonesian) and the emoji that goes with them. */
export const EMOJI_KEYWORDS: readonly (readonly [readonly string[], string])[] = [
  [["hello", "hi", "hey", "halo", "hai"], "👋"],
  [["thanks", "thank", "terima kasih", "makasih"], "🙏"],
  [["sale", "promo", "discount", "diskon", "offer", "penawaran"], "🔥"],
  [["love", "cinta", "sayang"], "❤️"],
  [["happy", "glad", "senang", "gembira"], "😊"],
  [["order", "pesanan", "package", "paket", "delivery", "kirim"], "📦"],
  [["price", "harga", "pay", "bayar", "payment"], "💰"],
  [["time", "waktu", "reminder", "pengingat", "deadline"], "⏰"],
  [["birthday", "ulang tahun"], "🎂"],
  [["congratulations", "congrats", "selamat"], "🎉"],
  [["call", "telepon", "phone"], "📞"],
  [["meeting", "rapat", "appointment", "janji"], "📅"],
  [["new", "baru", "latest", "terbaru"], "✨"],
  [["free", "gratis"], "🎁"],
  [["food", "makan", "makanan", "lunch", "dinner"], "🍽️"],
];

/** Added at the end when no keyword matched (one of them, chosen by the seed). */
export const GENERIC_EMOJIS = ["🙂", "😊", "👍", "✨"] as const;
