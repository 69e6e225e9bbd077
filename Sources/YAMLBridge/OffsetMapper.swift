/// Turns libyaml's character indexes into UTF-8 byte offsets.
///
/// libyaml counts Unicode scalars; `Mark.offset` is in bytes. Marks arrive in nearly increasing order, so
/// a cursor that walks forward (or back) from the last answer keeps the whole parse linear; ASCII input
/// needs no walking at all.
struct OffsetMapper {
    private let bytes: [UInt8]
    private let base: Int
    private let isASCII: Bool
    private var character = 0
    private var byte: Int

    init(bytes: [UInt8], base: Int) {
        self.bytes = bytes
        self.base = base
        self.byte = base
        var ascii = true
        for value in bytes[base...] where value >= 0x80 {
            ascii = false
            break
        }
        self.isASCII = ascii
    }

    /// The byte offset of the character at `index` (counted from the start of libyaml's input).
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return min(base + index, bytes.count) }
        while character < index, byte < bytes.count {
            byte += 1
            while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            character += 1
        }
        while character > index, byte > base {
            byte -= 1
            while byte > base, bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            character -= 1
        }
        return byte
    }
}
