/// A count and its noun in English: `1 row`, `0 rows`, `2 rows`, `21 rows` (English takes the plural
/// for every count but 1). `plural` is `singular` + `s` unless given (`englishCount(n, "try", "tries")`).
/// For the catalog's English texts; the Russian ones give a count after a colon (`строк: 1`).
package func englishCount(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
}
