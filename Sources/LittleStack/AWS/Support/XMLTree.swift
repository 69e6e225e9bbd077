import Foundation

/// A parsed XML element: name (without namespace prefix), text, children. AWS's XML replies need nothing more.
public struct XMLTree: Sendable, Equatable {
    /// The element's local name.
    public var name: String
    /// The element's own text (character data directly inside it), untrimmed.
    public var text: String
    /// The child elements in order.
    public var children: [XMLTree]

    /// Creates an element.
    public init(name: String, text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Parses a document.
    /// - Parameter data: the XML bytes.
    /// - Returns: the root element, or `nil` when the bytes are not well-formed XML.
    public static func parse(_ data: Data) -> XMLTree? {
        var reader = XMLReader(data)
        return reader.readDocument()
    }

    /// The first child with this name.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Every child with this name.
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The text of the first child with this name, or `nil` when there is no such child.
    public func string(_ name: String) -> String? { child(name)?.text }

    /// Follows a path of child names (`["Stacks", "member"]`) and returns the elements at its end.
    public func all(_ path: String...) -> [XMLTree] {
        var current = [self]
        for (i, name) in path.enumerated() {
            current = i == path.count - 1
                ? current.flatMap { $0.children(name) }
                : current.compactMap { $0.child(name) }
        }
        return current
    }

    /// The `member` children of the child with this name (the Query protocol's list shape).
    public func members(_ name: String) -> [XMLTree] { child(name)?.children("member") ?? [] }

    /// The first element with this name anywhere below (depth first), or this one.
    public func find(_ name: String) -> XMLTree? {
        if self.name == name { return self }
        for child in children {
            if let found = child.find(name) { return found }
        }
        return nil
    }
}
