import Testing

/// The documentation's example convention, parsed as doc/README.md describes it: a broken parser
/// would silently test nothing.
@Suite struct DocMarkdownTests {
    static let page = DocMarkdown.File(name: "page.md", lines: #"""
        Text with `littlestack render CONFIG --strict` and `--output json` in it.

        ```console
        $ echo hi
        hi
        $ cat > t.njk <<'EOF'
        {{ x }}
        $ not a command
        EOF
        $ littlestack render-template t.njk \
            --strict  # exit 1
        t.njk:1:4: error: 'x' is undefined

        ```

        ```console aws
        $ littlestack apply c.json --yes
        no changes
        ```

        ```sh
        littlestack events|outputs c.json --limit 3 | head -n 2   # comment --not
        ```

            littlestack diff OLD NEW

        | example | output |
        |---|---|
        | `{{ [1,2] \| join(",") }}` | `1,2` |
        | `{{ "a" }}`, `{{ "b" }}` | `a`, `b` |
        | `{{ x }}` (`x` is 1) | `1` |
        | `{{ y }}` | `2` (prose) |

        `{{ "p" | upper }}` prints
        `P`.
        """#.components(separatedBy: "\n"))

    @Test func consoleBlocks() {
        let examples = DocMarkdown.examples(in: Self.page)
        #expect(examples.count == 2)
        let steps = examples[0].steps
        #expect(!examples[0].needsAWS)
        #expect(steps.map(\.command) == [
            "echo hi",
            "cat > t.njk <<'EOF'\n{{ x }}\n$ not a command\nEOF",
            "littlestack render-template t.njk \\\n    --strict  # exit 1",
        ])
        #expect(steps.map(\.expected) == ["hi\n", "", "t.njk:1:4: error: 'x' is undefined\n\n"])
        #expect(steps.map(\.status) == [0, 0, 1])
        #expect(steps.map(\.line) == [4, 6, 10])
        #expect(examples[1].needsAWS)
        #expect(examples[1].steps.map(\.expected) == ["no changes\n"])
    }

    @Test func commandNamesAndOptions() {
        let uses = DocMarkdown.code(in: Self.page).flatMap(DocMarkdown.commandUses)
        let summary = uses.map { "\($0.line) \($0.commands.joined(separator: "|")) \($0.options.joined(separator: ","))" }
        #expect(summary == [
            "1 render --strict",
            "1  --output",
            "10 render-template ",
            "17 apply --yes",
            "22 events|outputs --limit",
            "25 diff ",
        ])
    }

    @Test func templateExamples() {
        let examples = DocMarkdown.templateExamples(in: Self.page)
        #expect(examples.map { "\($0.line) \($0.template) => \($0.output)" } == [
            #"29 {{ [1,2] | join(",") }} => 1,2"#,
            #"30 {{ "a" }} => a"#,
            #"30 {{ "b" }} => b"#,
            "31 {{ x }} => 1",
            #"34 {{ "p" | upper }} => P"#,
        ])
    }
}
