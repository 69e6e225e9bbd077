import Crypto
import YAMLBridge

/// SHA-256 content hashes, as lowercase hex: what release entries record and logical IDs derive from.
public enum ContentHash {
    /// The SHA-256 of `bytes` as 64 lowercase hex digits.
    /// - Parameter bytes: the content.
    /// - Returns: the hex digest.
    public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The SHA-256 of the text's UTF-8 bytes.
    /// - Parameter text: the content.
    /// - Returns: the hex digest.
    public static func sha256(_ text: String) -> String {
        sha256(Array(text.utf8))
    }

    /// The SHA-256 of a node's canonical JSON (`CanonicalJSON`): key order, formatting and YAML vs
    /// JSON spelling do not change it.
    /// - Parameter node: the document or value.
    /// - Returns: the hex digest.
    public static func sha256(_ node: Node) -> String {
        sha256(CanonicalJSON.text(of: node))
    }
}
