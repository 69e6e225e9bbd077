import Foundation
@testable import TemplateEngine

/// The variables the generated tables (`FilterTests`, `IsTestTests`, `ExpressionTests`, `StatementTests`) render with.
let tableVariables = #"""
{"s": "Hello World", "n": 42, "f": 2.5, "neg": -3, "t": true, "nul": null, "e": "", "z": 0,
 "arr": [3, 1, 2], "words": ["b", "A", "a", "B"], "obj": {"b": 2, "a": 1, "10": "ten", "2": "two"},
 "users": [{"name": "carol", "age": 35, "team": "x"}, {"name": "Bob", "age": 25, "team": "y"}, {"name": "alice", "age": 30}],
 "html": "<p class=\"x\">Tom & 'Jerry'</p>", "nested": {"a": {"b": {"c": "deep"}}}, "text": "  line one\n\nline two  ",
 "pairs": [["a", 1], ["b", 2]], "mixed": [0, 1, "", "a", null, true, false, [], {}]}
"""#

/// Renders template text with `tableVariables`, as if it were a file in `Fixtures/<folder>` when given.
func renderTable(_ template: String, folder: String? = nil) throws -> String {
    let context = try Value.parseJSON(Array(tableVariables.utf8))
    let name = folder.map { fixturesURL.appendingPathComponent($0).appendingPathComponent("table.njk").path } ?? "table.njk"
    return try Environment().render(source: template, name: name, context: context)
}

/// Renders template text with variables given as JSON.
func render(_ template: String, _ json: String = "{}", strict: Bool = false, name: String = "test.njk") throws -> String {
    try Environment(strict: strict).render(source: template, name: name, context: Value.parseJSON(Array(json.utf8)))
}

/// The full text of the error a render throws (nil when it does not throw a TemplateError).
func renderError(_ template: String, _ json: String = "{}", strict: Bool = false, name: String = "test.njk") -> String? {
    do {
        _ = try render(template, json, strict: strict, name: name)
        return nil
    } catch let e as TemplateError {
        return e.description
    } catch {
        return "unexpected error type: \(error)"
    }
}

/// The test target's Fixtures folder.
let fixturesURL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
