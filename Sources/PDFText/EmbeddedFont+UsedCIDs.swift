extension EmbeddedFont {
    /// The CIDs a document has used so far, by CID: every ``EmbeddedFont`` starts from its face's
    /// ``FontFace/baseUsed`` (copied on first change), so a new document costs no merge of the base
    /// repertoire.
    struct UsedCIDs: Sendable {
        /// The text of each CID below the glyph count used for a character (nil: unused, or used only
        /// as the second glyph of a cluster).
        var text: [String?]
        /// Whether each CID below the glyph count is used.
        var isUsed: [Bool]
        /// Fixed CIDs above the glyph count (``CharacterCIDs``) used.
        var shared: Set<UInt16> = []

        /// None used, for a face of `glyphCount` glyphs.
        init(glyphCount: Int) {
            text = Array(repeating: nil, count: glyphCount)
            isUsed = Array(repeating: false, count: glyphCount)
        }

        /// Records `usage` as used, its characters' texts from `cids`.
        mutating func merge(_ usage: Usage, cids: CharacterCIDs) {
            for cid in usage.glyphs { isUsed[Int(cid)] = true }
            for cid in usage.characters where text[Int(cid)] == nil {
                text[Int(cid)] = cids.meaning(of: cid)?.text
            }
            shared.formUnion(usage.shared)
        }

        /// Whether merging `usage` would change nothing.
        func covers(_ usage: Usage) -> Bool {
            usage.glyphs.allSatisfy { isUsed[Int($0)] } && usage.characters.allSatisfy { text[Int($0)] != nil }
                && usage.shared.allSatisfy { shared.contains($0) }
        }
    }
}
