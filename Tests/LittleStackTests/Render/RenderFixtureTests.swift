import Testing
@testable import LittleStack

/// The shared stack fixtures: variables and rendered output exactly as little stack (nunjucks) made them.
@Suite struct RenderFixtureTests {
    static let bucket = "littlestack-fixtures-bucket"

    /// (folder, config file, suffix of variables*/expected* files)
    static let cases: [(String, String, String)] = [
        ("api-lambda-openapi-json", "config.json", ""),
        ("api-openapi-yaml", "config.json", ""),
        ("conditions-defaults", "config.json", ""),
        ("ecr-repositories", "config.json", ""),
        ("environments-dev-prod", "config-dev.json", "-dev"),
        ("environments-dev-prod", "config-prod.json", "-prod"),
        ("iam-policy-nested-loops", "config.json", ""),
        ("macros-import-context", "config.json", ""),
        ("tags-stack-tags-str", "config.json", ""),
        ("yaml-network-subnets", "config.json", ""),
        ("template-error-unclosed-if", "config.json", ""),
    ]

    @Test(arguments: cases)
    func variablesMatch(folder: String, config: String, suffix: String) throws {
        let dir = FixturePaths.stackFixtures + "/" + folder
        let stack = try StackConfig.load(path: dir + "/" + config, environment: [:])
        let variables = try TemplateVariables.build(for: stack, bucket: Self.bucket)
        let expectedText = FixturePaths.text(dir + "/variables\(suffix).json")
        let expected = try Renderer.load(templateAt: dir + "/variables\(suffix).json").tree
        #expect(variables == JSONValue(node: expected))
        // Same keys in the same order, same layout: the pretty text is byte-identical.
        #expect(variables.jsonText(indent: 2) + "\n" == expectedText)
    }

    @Test(arguments: cases.filter { $0.0 != "template-error-unclosed-if" })
    func renderMatches(folder: String, config: String, suffix: String) throws {
        let dir = FixturePaths.stackFixtures + "/" + folder
        let stack = try StackConfig.load(path: dir + "/" + config, environment: [:])
        let rendered = try Renderer.render(config: stack, bucket: Self.bucket)
        #expect(rendered.text == FixturePaths.text(dir + "/expected\(suffix).txt"))
        #expect(rendered.kind == (folder.hasPrefix("yaml") ? .yaml : .json))
        #expect(rendered.source.path == stack.resolvedTemplatePath + " (rendered)")
        #expect(Validator.validate(rendered, config: stack) == [])
    }

    @Test func templateErrorNamesTheTemplateLine() throws {
        let dir = FixturePaths.stackFixtures + "/template-error-unclosed-if"
        let stack = try StackConfig.load(path: dir + "/config.json", environment: [:])
        let error = #expect(throws: DiagnosticError.self) { try Renderer.render(config: stack, bucket: Self.bucket) }
        // nunjucks: "(alarms.json.njk) [Line 31, Column 9] unknown block tag: endfor". The wording is the
        // engine's own; the position, line and caret are what this layer adds.
        let message = error?.diagnostics.first?.message ?? ""
        #expect(error?.description == """
        \(dir)/alarms.json.njk:31:9: error: \(message)
            {%- endfor %}
                ^
        """)
        #expect(message.contains("endfor"))
    }

    @Test func bucketFallsBackToConfigThenPlaceholder() throws {
        let dir = FixturePaths.fixtures + "/config"
        let yaml = try StackConfig.load(path: dir + "/stack.yaml", environment: [:])
        #expect(TemplateVariables.bucketName(for: yaml, bucket: nil) == "my-stack-bucket")
        #expect(TemplateVariables.bucketName(for: yaml, bucket: "given") == "given")
        let plain = try StackConfig.load(path: dir + "/parameters.json", environment: [:])
        #expect(TemplateVariables.bucketName(for: plain, bucket: nil) == "LITTLESTACK_BUCKET_UNSET")
        #expect(TemplateVariables.bucketName(for: plain, bucket: "") == "LITTLESTACK_BUCKET_UNSET")
    }

    @Test func variablesOfParameterWithoutValueIsNull() throws {
        let dir = FixturePaths.fixtures + "/config"
        let yaml = try StackConfig.load(path: dir + "/stack.yaml", environment: [:])
        let variables = try TemplateVariables.build(for: yaml, bucket: nil)
        #expect(variables.jsonText() == #"""
        {"stackParameters":{"Stage":"prod","Owner":null},"stackTags":[{"Key":"org","Value":"apps"}],"stackTagsStr":"{\"Key\":\"org\",\"Value\":\"apps\"}","stackVariables":{"names":["a","b"],"count":2},"stackBucket":"my-stack-bucket","templateFiles":{"openapi":"{}"}}
        """#)
    }
}
