/// The structural differences between two templates, section by section.
public struct DiffReport: Sendable, Equatable {
    /// A change inside one entry, at a property path such as `Properties.Code.S3Key` or `Tags[2].Value`.
    public struct PropertyChange: Sendable, Equatable {
        /// Whether the path was added, removed or holds a different value.
        public enum Kind: String, Sendable, Equatable {
            case added, removed, changed
        }
        /// What happened at `path`.
        public var kind: Kind
        /// The path inside the entry (empty when the entry's whole value changed, as for a scalar).
        public var path: String
        /// The value before (nil when added).
        public var old: JSONValue?
        /// The value after (nil when removed).
        public var new: JSONValue?

        /// Creates a change.
        public init(kind: Kind, path: String, old: JSONValue?, new: JSONValue?) {
            self.kind = kind
            self.path = path
            self.old = old
            self.new = new
        }
    }

    /// A named entry of a section (a resource with its type, a parameter, an output…).
    public struct Entry: Sendable, Equatable {
        /// The logical ID or key.
        public var name: String
        /// A resource's `Type` (the new one for a changed resource); nil for other sections.
        public var type: String?

        /// Creates an entry.
        public init(name: String, type: String? = nil) {
            self.name = name
            self.type = type
        }
    }

    /// An entry present on both sides whose value differs.
    public struct ChangedEntry: Sendable, Equatable {
        /// The entry.
        public var entry: Entry
        /// Its changes, in the order met (old key order, then new keys).
        public var changes: [PropertyChange]

        /// Creates a changed entry.
        public init(entry: Entry, changes: [PropertyChange]) {
            self.entry = entry
            self.changes = changes
        }
    }

    /// The differences in one top-level section.
    public struct Section: Sendable, Equatable {
        /// `Template` (the other top-level keys), `Parameters`, `Resources`, `Conditions`, `Mappings` or `Outputs`.
        public var name: String
        /// Entries only in the new template, in its order.
        public var added: [Entry]
        /// Entries only in the old template, in its order.
        public var removed: [Entry]
        /// Entries in both that differ, in the new template's order.
        public var changed: [ChangedEntry]

        /// Creates a section.
        public init(name: String, added: [Entry] = [], removed: [Entry] = [], changed: [ChangedEntry] = []) {
            self.name = name
            self.added = added
            self.removed = removed
            self.changed = changed
        }

        /// Whether the section has no differences.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    /// The sections with differences, in the order `Template`, `Parameters`, `Mappings`,
    /// `Conditions`, `Resources`, `Outputs`.
    public var sections: [Section]

    /// Creates a report.
    public init(sections: [Section]) {
        self.sections = sections.filter { !$0.isEmpty }
    }

    /// Whether the two templates are equal (ignoring key order and formatting).
    public var isEqual: Bool { sections.isEmpty }

    /// Counts of added, removed and changed entries over all sections.
    public var counts: (added: Int, removed: Int, changed: Int) {
        sections.reduce((0, 0, 0)) { ($0.0 + $1.added.count, $0.1 + $1.removed.count, $0.2 + $1.changed.count) }
    }
}
