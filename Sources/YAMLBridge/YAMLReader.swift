/// Reads YAML text into `Node` trees with libyaml.
///
/// Trees keep tags, scalar styles, key order and start/end marks. Aliases are replaced by the node their
/// anchor names (a document whose aliases would add more than a million nodes is refused); duplicate
/// mapping keys are an error naming both places; libyaml's own errors keep its line, column and context.
public enum YAMLReader {
    /// Reads a stream holding one document.
    /// - Parameters:
    ///   - bytes: UTF-8 YAML (a leading byte order mark is skipped).
    ///   - path: The file name errors start with.
    /// - Returns: The document's root; an empty stream reads as a null scalar.
    /// - Throws: `YAMLError` for bad YAML, duplicate keys, unknown aliases, too much alias expansion,
    ///   nesting deeper than 512 levels, or a second document.
    public static func parse(_ bytes: [UInt8], path: String) throws -> Node {
        try Parser(bytes: bytes, path: path).singleDocument()
    }

    /// Reads every document of a stream.
    /// - Parameters:
    ///   - bytes: UTF-8 YAML.
    ///   - path: The file name errors start with.
    /// - Returns: The documents' roots in order; empty for an empty stream.
    /// - Throws: `YAMLError`, as `parse` does (minus the one-document rule).
    public static func parseStream(_ bytes: [UInt8], path: String) throws -> [Node] {
        try Parser(bytes: bytes, path: path).documents()
    }
}
