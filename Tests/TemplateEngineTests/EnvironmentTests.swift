import Foundation
import Testing
@testable import TemplateEngine

/// The environment: loader rules, search paths, caching, inheritance across folders, and extension points.
@Suite struct EnvironmentTests {
    let loader = fixturesURL.appendingPathComponent("loader")

    @Test func includesImportsAndRelativeNames() throws {
        let out = try Environment().render(file: loader.appendingPathComponent("main.njk").path, context: Value(object: [("who", Value("me"))]))
        #expect(out == "main:part(me)|rel>sibling|hello x")
    }

    @Test func namesThatEscapeTheSearchRootAreNotFound() {
        #expect(throws: TemplateError.self) {
            try Environment().render(file: loader.appendingPathComponent("escape.njk").path, context: .undefined)
        }
        do {
            _ = try Environment().render(file: loader.appendingPathComponent("escape.njk").path, context: .undefined)
        } catch let e as TemplateError {
            #expect(e.message == "template not found: '../outside.njk'")
            #expect(e.line == 1 && e.column == 11)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func searchPathsAreSearchedInOrderAfterTheTemplateFolder() throws {
        let env = Environment(searchPaths: [loader.appendingPathComponent("other").path])
        #expect(try env.render(file: loader.appendingPathComponent("search.njk").path, context: .undefined) == "found:from-other-path")
        #expect(try env.render(file: loader.appendingPathComponent("child.njk").path, context: .undefined) == "base[child+default]")
        #expect(throws: TemplateError.self) {
            try Environment().render(file: loader.appendingPathComponent("search.njk").path, context: .undefined)
        }
    }

    @Test func strictModeAcrossFiles() {
        do {
            _ = try Environment(strict: true).render(file: loader.appendingPathComponent("strict.njk").path, context: .undefined)
            Issue.record("expected an error")
        } catch let e as TemplateError {
            #expect(e.line == 2 && e.column == 6 && e.message == "'missing' is undefined")
            #expect(e.description.hasSuffix("\n  {{ missing.attr }}\n     ^"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func customFiltersTestsAndGlobals() throws {
        let env = Environment()
        env.addFilter("shout") { args, kwargs in
            let suffix = kwargs.first { $0.0 == "end" }?.1.renderedText ?? "!"
            return Value(args[0].renderedText.uppercased() + suffix)
        }
        env.addTest("short") { args in args[0].renderedText.count < 4 }
        env.addGlobal("stage", Value("prod"))
        env.addGlobal("twice", function: { args, _ in Value(args[0].renderedText + args[0].renderedText) })
        let out = try env.render(source: "{{ 'hi' | shout }}{{ 'x' | shout(end='?') }}|{{ 'abc' is short }}|{{ stage }}|{{ twice('ab') }}",
                                 name: "t.njk", context: .undefined)
        #expect(out == "HI!X?|true|prod|abab")
        // the context wins over a global of the same name
        #expect(try env.render(source: "{{ stage }}", name: "t.njk", context: Value(object: [("stage", Value("dev"))])) == "dev")
    }

    @Test func customFilterErrorsCarryThePosition() {
        struct Boom: Error {}
        let env = Environment()
        env.addFilter("boom") { _, _ in throw Boom() }
        do {
            _ = try env.render(source: "\n {{ 1 | boom }}", name: "t.njk", context: .undefined)
        } catch let e as TemplateError {
            #expect(e.line == 2 && e.column == 9 && e.message.hasPrefix("filter 'boom' failed"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func renderWithOriginsMapsOutputLinesToTemplateLines() throws {
        let path = loader.appendingPathComponent("origins.njk").path
        let (text, origins) = try Environment().renderWithOrigins(file: path, context: Value(object: [("value", Value(array: [Value(1)]))]))
        #expect(text == "{\n  \"a\": [1],\n  \"k1\": hello 1\n  \"k2\": hello 2\n  part()\n}\n")
        #expect(origins.map(\.line) == [1, 2, 4, 4, 6, 7])
        #expect(Set(origins.map(\.path)) == [path])
    }

    @Test func nonObjectContextIsAnError() {
        #expect(throws: TemplateError.self) { try Environment().render(source: "x", name: "t.njk", context: Value(array: [])) }
    }

    @Test func rendersConcurrently() async throws {
        let env = Environment()
        let path = loader.appendingPathComponent("main.njk").path
        try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<8 {
                group.addTask { try env.render(file: path, context: Value(object: [("who", Value("w\(i)"))])) }
            }
            var outputs = Set<String>()
            for try await out in group { outputs.insert(out) }
            #expect(outputs.count == 8)
        }
    }

    @Test func renderedBytesAreLentInPlaceAndOnlyOnSuccess() throws {
        let env = Environment()
        let path = loader.appendingPathComponent("main.njk").path
        let context = Value(object: [("who", Value("me"))])
        let lent = try env.withRenderedBytes(file: path, context: context) { [UInt8]($0) }
        #expect(lent == Array("main:part(me)|rel>sibling|hello x".utf8))
        #expect(try env.renderBytes(file: path, context: context) == lent)
        var called = false
        #expect(throws: TemplateError.self) {
            try env.withRenderedBytes(file: loader.appendingPathComponent("escape.njk").path, context: .undefined) { _ in called = true }
        }
        #expect(!called)
    }

    /// A macro and the context it was defined in hold each other; the render cuts that cycle when it ends, so
    /// nothing of a render outlives it (a template importing macros leaked about 1 KB per render).
    @Test func macrosDoNotKeepTheirRenderAlive() throws {
        let kept = KeptValue()
        let env = Environment()
        env.addFilter("keep") { args, _ in
            kept.value = args[0]
            return .undefined
        }
        _ = try env.render(source: "{% set a = 1 %}{% macro m() %}{{ a }}{% endmacro %}{{ m | keep }}", name: "t.njk", context: .undefined)
        weak var context: RenderContext?
        do {
            guard case .callable(let c)? = kept.value?.repr, case .macro(let closure) = c.body else {
                Issue.record("the filter did not get the macro")
                return
            }
            context = closure.context
            #expect(closure.context.variables.count == 0)
        }
        #expect(context != nil)
        kept.value = nil
        #expect(context == nil)
    }

    @Test func setVariablesHideGivenOnesAndReachIncludes() throws {
        let env = Environment()
        let out = try env.render(source: "{{ a }}{% set a = 'set' %}{{ a }}{{ b }}{% set who = 'x' %}{% include 'part.njk' %}",
                                 name: loader.appendingPathComponent("inline.njk").path,
                                 context: Value(object: [("a", Value("given")), ("b", Value(2)), ("who", Value("w"))]))
        #expect(out == "givenset2part(x)")
    }
}

/// A value a test filter keeps past the render.
private final class KeptValue: @unchecked Sendable {
    var value: Value?
}
