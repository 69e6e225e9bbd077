import Foundation
import Testing

@testable import LittleStack

/// The hand-written XML reader behind ``XMLTree/parse(_:)``: what AWS replies use, and refusal of the rest.
@Suite struct XMLReaderTests {
    private func parse(_ text: String) -> XMLTree? { XMLTree.parse(Data(text.utf8)) }

    @Test func describeStacksReply() throws {
        let tree = try #require(parse("""
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult>
                <Stacks>
                  <member>
                    <StackName>hello-api</StackName>
                    <Outputs>
                      <member><OutputKey>Url</OutputKey><OutputValue>https://x/?a=1&amp;b=2</OutputValue></member>
                    </Outputs>
                  </member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </DescribeStacksResponse>
            """))
        #expect(tree.name == "DescribeStacksResponse")
        let stack = try #require(tree.all("DescribeStacksResult", "Stacks", "member").first)
        #expect(stack.string("StackName") == "hello-api")
        #expect(stack.members("Outputs").first?.string("OutputValue") == "https://x/?a=1&b=2")
        #expect(tree.find("RequestId")?.text == "r-1")
    }

    @Test(arguments: [
        ("<a>&lt;&gt;&amp;&quot;&apos;</a>", "<>&\"'"),
        ("<a>&#65;&#x42;&#x20AC;&#128512;</a>", "AB€😀"),
        ("<a><![CDATA[<b>&amp;</b>]]>!</a>", "<b>&amp;</b>!"),
        ("<a>x<!-- note -->y<?pi data?>z</a>", "xyz"),
        ("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<a> é </a>\n", " é "),
        ("<a/>", ""),
        ("<a  x = \"1\" y='&lt;2'  >t</a >", "t"),
    ])
    func text(xml: String, expected: String) throws {
        #expect(try #require(parse(xml)).text == expected)
    }

    @Test func namesChildrenAndPrefixes() throws {
        let tree = try #require(parse("<s:Error xmlns:s=\"u\"><s:Code>Throttling</s:Code><Empty/><x.y-z_1>v</x.y-z_1></s:Error>"))
        #expect(tree == XMLTree(name: "Error", children: [
            XMLTree(name: "Code", text: "Throttling"), XMLTree(name: "Empty"), XMLTree(name: "x.y-z_1", text: "v"),
        ]))
    }

    @Test(arguments: [
        "", "   ", "text", "<a>", "<a></b>", "<a><b></a></b>", "<a></a><b></b>", "<a></a>trailing", "<a>x < y</a>",
        "<a>&unknown;</a>", "<a>&amp</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a x=1></a>", "<a x=\"1></a>",
        "<a x=\"1\"y=\"2\"></a>", "<a x=\"<\"></a>", "<!DOCTYPE a><a></a>", "<a><![CDATA[x</a>", "<a><!-- x</a>",
        "<1a></1a>", "<?xml version=\"1.0\"", "<a/", "</a>",
    ])
    func malformedIsRefused(xml: String) {
        #expect(parse(xml) == nil)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(parse(xml) == nil)
        let fine = String(repeating: "<a>", count: 200) + "x" + String(repeating: "</a>", count: 200)
        #expect(parse(fine) != nil)
    }
}
