import Testing
@testable import YAMLBridge

@Suite struct EmitterTests {
    /// Writes `node`, checks the text, and checks it reads back to an equal tree.
    func check(_ node: Node, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = YAMLWriter.write(node)
        #expect(text == expected, sourceLocation: sourceLocation)
        #expect(try yaml(text) == node, sourceLocation: sourceLocation)
    }

    @Test func blockStyleAsWrittenByHand() throws {
        try check(yaml("b: 1\na:\n  x: [1, 'two', {k: v}]\n  e: []\n  m: {}\nl: [[a, b], [], {p: q, r: s}]\n"), """
        b: 1
        a:
          x:
            - 1
            - two
            - k: v
          e: []
          m: {}
        l:
          - - a
            - b
          - []
          - p: q
            r: s

        """)
    }

    @Test func rootScalarsAndEmptyCollections() throws {
        try check(.scalar(Node.Scalar("hello")), "hello\n")
        try check(yaml("[]"), "[]\n")
        try check(yaml("{}"), "{}\n")
        try check(yaml("- a\n"), "- a\n")
        try check(yaml("''"), "''\n")
        try check(yaml("~"), "~\n")
        try check(.scalar(Node.Scalar("")), "null\n")
    }

    @Test(arguments: [
        // Strings that would read as something else are quoted.
        ("'true'", "'true'"), ("'123'", "'123'"), ("''", "''"), ("'null'", "'null'"), ("'yes'", "'yes'"),
        ("'0x1F'", "'0x1F'"), ("'09'", "'09'"), ("'2010-09-09'", "'2010-09-09'"), ("'1:20'", "'1:20'"),
        ("'.inf'", "'.inf'"), ("'y'", "'y'"), ("'1.2.3'", "'1.2.3'"), ("'<<'", "'<<'"),
        // Indicators and spacing.
        ("'- x'", "'- x'"), ("'-x'", "-x"), ("'*a'", "'*a'"), ("'&a'", "'&a'"), ("'!x'", "'!x'"), ("'#c'", "'#c'"),
        ("'a #c'", "'a #c'"), ("'a#c'", "a#c"), ("'k: v'", "'k: v'"), ("'k:v'", "k:v"), ("'end:'", "'end:'"),
        ("' lead'", "' lead'"), ("'trail '", "'trail '"), ("'{x}'", "'{x}'"), ("'a{x}'", "a{x}"), ("'%x'", "'%x'"),
        ("'@x'", "'@x'"), ("'`x'", "'`x'"), ("'|x'", "'|x'"), ("'>x'", "'>x'"), ("'---'", "'---'"), ("'...'", "'...'"),
        ("\"it's\"", "it's"), ("\"'q'\"", "'''q'''"), ("'\"q\"'", "'\"q\"'"), ("'${AWS::Region}'", "${AWS::Region}"),
        // Non-printables and tabs need double quotes.
        ("\"a\\tb\"", "\"a\\tb\""), ("\"\\x01\"", "\"\\x01\""), ("\"\\e\\u2028\"", "\"\\e\\L\""), ("\"é😀\"", "é😀"),
        ("\"\\r\\n\"", "\"\\r\\n\""),
        // Typed plain scalars stay as written.
        ("0777", "0777"), ("1_000", "1_000"), ("yes", "yes"), ("~", "~"), ("1.50", "1.50"),
    ])
    func scalarQuoting(source: String, expected: String) throws {
        try check(yaml("k: \(source)\n"), "k: \(expected)\n")
    }

    @Test(arguments: [
        ("a\nb", "k: |-\n  a\n  b\n"),
        ("a\nb\n", "k: |\n  a\n  b\n"),
        ("a\nb\n\n", "k: |+\n  a\n  b\n\n"),
        ("a\n\n  b\n", "k: |\n  a\n\n    b\n"),
        // Leading white space needs an indentation indicator.
        ("  a\nb\n", "k: |2\n    a\n  b\n"),
        ("\na\n", "k: |2\n\n  a\n"),
        // Only white space, or carriage returns: double quotes.
        ("\n\n", "k: \"\\n\\n\"\n"),
        ("a\r\nb", "k: \"a\\r\\nb\"\n"),
    ])
    func literalBlocks(value: String, expected: String) throws {
        let node = Node.mapping(Node.Mapping([(key: .scalar(Node.Scalar("k")), value: .scalar(Node.Scalar(value, style: .doubleQuoted)))]))
        try check(node, expected)
    }

    @Test func literalBlocksInSequencesAndAtTheRoot() throws {
        try check(yaml("- |\n  x\n  y\n- k: |-\n    p\n    q\n"), "- |\n  x\n  y\n- k: |-\n    p\n    q\n")
        try check(.scalar(Node.Scalar("one\ntwo\n", style: .literal)), "|\n  one\n  two\n")
    }

    @Test func tags() throws {
        // y is quoted: YAML 1.1 readers other than PyYAML take it for a boolean.
        try check(yaml("a: !Ref X\nb: !Sub [x, {y: 1}]\nc: !!str 1\nd: !Base64 {k: v}\ne: [!If [c, 1, 2]]\nf: !GetAZs ''\ng: !Custom []\nh: !Ref\n"), """
        a: !Ref X
        b: !Sub
          - x
          - 'y': 1
        c: !!str 1
        d: !Base64
          k: v
        e:
          - !If
            - c
            - 1
            - 2
        f: !GetAZs ''
        g: !Custom []
        h: !Ref ''

        """)
        try check(yaml("!Sub\n- a\n"), "!Sub\n- a\n")
        try check(yaml("- !Sub |\n  x\n  y\n"), "- !Sub |\n  x\n  y\n")
    }

    @Test func collectionAndTypedKeys() throws {
        try check(yaml("[a, 'b,c']: 1\n{k: v}: 2\n1: x\n'1': y\n? \"multi\\nline\"\n: z\n"), """
        [a, 'b,c']: 1
        {k: v}: 2
        1: x
        '1': 'y'
        "multi\\nline": z

        """)
    }

    @Test func longKeysUseTheExplicitForm() throws {
        let key = String(repeating: "k", count: 1200)
        try check(.mapping(Node.Mapping([(key: .scalar(Node.Scalar(key)), value: .scalar(Node.Scalar("v")))])),
                  "? \(key)\n: v\n")
    }
}
