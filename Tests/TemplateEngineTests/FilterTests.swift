import Testing
@testable import TemplateEngine

/// Every builtin filter, with JavaScript semantics for odd inputs.
/// Expected outputs were produced by nunjucks 3.2.4 (autoescape off) with `TableVariables.json` as the context.
@Suite struct FilterTests {
    static let rows: [(template: String, expected: String)] = [
        // abs: numbers, numeric strings, undefined is NaN
        ("{{ -3 | abs }}|{{ \"-7\" | abs }}|{{ f | abs }}|{{ missing | abs }}", "3|7|2.5|NaN"),
        // batch: groups, strings, fill value
        ("{{ [1,2,3,4,5] | batch(2) | dump }}|{{ \"abcde\" | batch(2) | dump }}|{{ arr | batch(2, \"x\") | dump }}", "[[1,2],[3,4],[5]]|[[\"a\",\"b\"],[\"c\",\"d\"],[\"e\"]]|[[3,1],[2,\"x\"]]"),
        // batch: a falsy fill value does not fill
        ("{{ [1,2,3] | batch(2, 0) | dump }}", "[[1,2],[3]]"),
        // capitalize
        ("{{ \"hello WORLD\" | capitalize }}|{{ \"\" | capitalize }}|{{ missing | capitalize }}|{{ \"élan\" | capitalize }}", "Hello world|||Élan"),
        // center
        ("[{{ \"ab\" | center(7) }}]|[{{ \"abc\" | center(2) }}]|[{{ \"x\" | center(5) }}]|[{{ missing | center(3) }}]", "[  ab   ]|[abc]|[  x  ]|[   ]"),
        // default and d
        ("{{ missing | default(\"d\") }}|{{ nul | default(\"d\") }}|{{ e | default(\"d\", true) }}|{{ z | d(\"zz\", true) }}|{{ s | default(\"x\", boolean=true) }}", "d||d|zz|Hello World"),
        // dictsort: by key, by value, case
        ("{{ obj | dictsort | dump }}|{{ obj | dictsort(true, \"value\") | dump }}|{{ {\"B\": 1, \"a\": 2, \"c\": 0} | dictsort | dump }}|{{ {\"B\": 1, \"a\": 2} | dictsort(true) | dump }}", "[[\"10\",\"ten\"],[\"2\",\"two\"],[\"a\",1],[\"b\",2]]|[[\"a\",1],[\"b\",2],[\"10\",\"ten\"],[\"2\",\"two\"]]|[[\"a\",2],[\"B\",1],[\"c\",0]]|[[\"B\",1],[\"a\",2]]"),
        // dump: integer keys first, indent, undefined
        ("{{ obj | dump }}|{{ arr | dump(\"--\") }}|{{ missing | dump }}|{{ mixed | dump }}|{{ f | dump }}", "{\"2\":\"two\",\"10\":\"ten\",\"b\":2,\"a\":1}|[\n--3,\n--1,\n--2\n]||[0,1,\"\",\"a\",null,true,false,[],{}]|2.5"),
        // dump(2)
        ("{{ users | dump(2) }}", "[\n  {\n    \"name\": \"carol\",\n    \"age\": 35,\n    \"team\": \"x\"\n  },\n  {\n    \"name\": \"Bob\",\n    \"age\": 25,\n    \"team\": \"y\"\n  },\n  {\n    \"name\": \"alice\",\n    \"age\": 30\n  }\n]"),
        // escape, e, forceescape, safe
        ("{{ html | escape }}|{{ html | e | e }}|{{ html | forceescape }}|{{ html | safe | forceescape }}|{{ missing | escape }}|{{ n | e }}|{{ \"<b>\" | safe }}", "&lt;p class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;|&lt;p class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;|&lt;p class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;|&lt;p class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/p&gt;||42|<b>"),
        // first
        ("{{ arr | first }}|{{ \"xyz\" | first }}|{{ [] | first }}|{{ obj | first }}|{{ n | first }}", "3|x|||"),
        // groupby: missing attribute groups under undefined, dotted paths
        ("{{ users | groupby(\"team\") | dump }}|{{ users | groupby(\"name.length\") | dump }}", "{\"x\":[{\"name\":\"carol\",\"age\":35,\"team\":\"x\"}],\"y\":[{\"name\":\"Bob\",\"age\":25,\"team\":\"y\"}],\"undefined\":[{\"name\":\"alice\",\"age\":30}]}|{\"3\":[{\"name\":\"Bob\",\"age\":25,\"team\":\"y\"}],\"5\":[{\"name\":\"carol\",\"age\":35,\"team\":\"x\"},{\"name\":\"alice\",\"age\":30}]}"),
        // indent: blank lines indented, first line optional
        ("{{ text | indent }}|{{ text | indent(2, true) }}|{{ \"\" | indent }}|{{ missing | indent }}", "  line one\n    \n    line two  |    line one\n  \n  line two  ||"),
        // join: separator, attribute, nested arrays and nulls
        ("{{ arr | join }}|{{ arr | join(\", \") }}|{{ users | join(\"/\", \"name\") }}|{{ [1, [2, 3], nul, missing] | join(\"-\") }}", "312|3, 1, 2|carol/Bob/alice|1-2,3--"),
        // last
        ("{{ arr | last }}|{{ \"xyz\" | last }}|{{ [] | last }}|{{ n | last }}", "2|z||"),
        // length: UTF-16 units, object keys, numbers give nothing
        ("{{ arr | length }}|{{ s | length }}|{{ obj | length }}|{{ nul | length }}|{{ t | length }}|{{ \"😀\" | length }}|{{ n | length }}", "3|11|4|0||2|"),
        // list
        ("{{ s | list | join(\"|\") }}|{{ obj | list | dump }}|{{ arr | list | dump }}", "H|e|l|l|o| |W|o|r|l|d|[{\"key\":\"2\",\"value\":\"two\"},{\"key\":\"10\",\"value\":\"ten\"},{\"key\":\"b\",\"value\":2},{\"key\":\"a\",\"value\":1}]|[3,1,2]"),
        // lower and upper
        ("{{ s | lower }}|{{ s | upper }}|{{ missing | upper }}|{{ nul | lower }}|{{ \"ß\" | upper }}", "hello world|HELLO WORLD|||SS"),
        // nl2br
        ("{{ \"a\\nb\\r\\nc\" | nl2br }}|{{ missing | nl2br }}", "a<br />\nb<br />\nc|"),
        // random picks an item
        ("{{ arr | random in arr }}", "true"),
        // select and reject with tests
        ("{{ mixed | reject | dump }}|{{ [1,2,3,4] | reject(\"odd\") | dump }}|{{ [1,2,3,4] | select(\"even\") | dump }}|{{ [1,2,3,6] | select(\"divisibleby\", 3) | dump }}|{{ \"abc\" | select(\"equalto\", \"b\") | dump }}", "[0,\"\",null,false]|[2,4]|[2,4]|[3,6]|[\"b\"]"),
        // selectattr and rejectattr
        ("{{ users | selectattr(\"team\") | join(\",\", \"name\") }}|{{ users | rejectattr(\"team\") | join(\",\", \"name\") }}", "carol,Bob|alice"),
        // replace: count, regex, empty needle, numbers
        ("{{ s | replace(\"o\", \"0\") }}|{{ s | replace(\"l\", \"L\", 2) }}|{{ s | replace(r/o/g, \"0\") }}|{{ s | replace(r/(l+)/, \"[$1]\") }}|{{ s | replace(\"\", \".\") }}|{{ n | replace(4, 9) }}|{{ s | replace(\"o\", missing) }}|{{ missing | replace(\"a\", \"b\") }}", "Hell0 W0rld|HeLLo World|Hell0 W0rld|He[ll]o World|.H.e.l.l.o. .W.o.r.l.d.|92|Hellundefined Wundefinedrld|"),
        // reverse
        ("{{ s | reverse }}|{{ arr | reverse | dump }}|{{ obj | reverse | dump }}", "dlroW olleH|[2,1,3]|[]"),
        // round: Math.round halves, precision, ceil and floor
        ("{{ 2.567 | round(2) }}|{{ 2.5 | round }}|{{ -2.5 | round }}|{{ 2.1 | round(0, \"ceil\") }}|{{ 2.9 | round(0, \"floor\") }}|{{ 1234.5 | round(-2) }}|{{ \"3.7\" | round }}", "2.57|3|-2|3|2|1200|4"),
        // slice
        ("{{ [1,2,3,4,5,6,7] | slice(3) | dump }}|{{ [1,2,3,4] | slice(3, \"-\") | dump }}|{{ [1,2] | slice(4) | dump }}", "[[1,2,3],[4,5],[6,7]]|[[1,2],[3,\"-\"],[4,\"-\"]]|[[1],[2],[],[]]"),
        // sort: reverse, case, attribute keyword, mixed types
        ("{{ arr | sort | dump }}|{{ arr | sort(true) | dump }}|{{ words | sort | dump }}|{{ words | sort(false, true) | dump }}|{{ users | sort(attribute=\"age\") | join(\",\", \"name\") }}|{{ [10, 9, \"8\", \"a\", nul] | sort | dump }}", "[1,2,3]|[3,2,1]|[\"A\",\"a\",\"b\",\"B\"]|[\"A\",\"B\",\"a\",\"b\"]|Bob,alice,carol|[null,\"8\",9,10,\"a\"]"),
        // string
        ("{{ n | string }}|{{ arr | string }}|{{ t | string }}|{{ obj | string }}|{{ f | string | length }}", "42|3,1,2|true|[object Object]|3"),
        // striptags
        ("{{ \"<p>a  <b>b</b>\\n\\n\\n c</p><!-- x -->\" | striptags }}|{{ \"<p>a  <b>b</b>\\n\\n\\n\\n c  </p>\" | striptags(true) }}", "a b c|a b\n\nc"),
        // sum: attribute, strings concatenate, start
        ("{{ [1,2,3] | sum }}|{{ users | sum(\"age\") }}|{{ [\"a\", \"b\"] | sum }}|{{ [] | sum(none, \"x\") }}|{{ [1, 2] | sum(none, 10) }}", "6|90|00ab|x0|13"),
        // title
        ("{{ \"hello big   world\" | title }}|{{ \"HELLO\" | title }}|{{ missing | title }}", "Hello Big   World|Hello|"),
        // trim
        ("[{{ text | trim }}]|[{{ \"\\tx \\n\" | trim }}]", "[line one\n\nline two]|[x]"),
        // truncate
        ("{{ \"hello world foo\" | truncate(8) }}|{{ \"hello world\" | truncate(8, true) }}|{{ \"hello world\" | truncate(8, false, \"!\") }}|{{ \"hi\" | truncate(8) }}|{{ \"helloworld\" | truncate(5) }}|{{ missing | truncate(3) }}", "hello...|hello wo...|hello!|hi|hello...|"),
        // urlencode: strings, objects, pairs
        ("{{ \"a b&c=d/é?~*'()\" | urlencode }}|{{ obj | urlencode }}|{{ pairs | urlencode }}", "a%20b%26c%3Dd%2F%C3%A9%3F~*'()|2=two&10=ten&b=2&a=1|a=1&b=2"),
        // urlize
        ("{{ \"visit http://x.com/a, or www.y.org now. mail a@b.co\" | urlize }}|{{ \"see https://example.com/long/path\" | urlize(10, true) }}", "visit <a href=\"http://x.com/a\">http://x.com/a</a> or <a href=\"http://www.y.org\">www.y.org</a> now. mail <a href=\"mailto:a@b.co\">a@b.co</a>|see <a href=\"https://example.com/long/path\" rel=\"nofollow\">https://ex</a>"),
        // wordcount
        ("{{ \"one two, three_four 5\" | wordcount }}|{{ \"\" | wordcount }}|{{ missing | wordcount }}", "4||"),
        // float
        ("{{ \"3.5abc\" | float }}|{{ \"abc\" | float }}|{{ \"abc\" | float(0) }}|{{ \".5\" | float }}|{{ \"-1e2\" | float }}|{{ \"Infinity\" | float }}|{{ t | float }}", "3.5||0|0.5|-100|Infinity|"),
        // int: parseInt, default, base
        ("{{ \"42\" | int }}|{{ \"0x1A\" | int(base=16) }}|{{ \"ff\" | int(0, 16) }}|{{ \"  12px\" | int }}|{{ \"-0\" | int }}|{{ 1e21 | int }}|{{ \"x\" | int(default=5) }}|{{ \"101\" | int(base=2) }}|{{ \"4.9\" | int }}|{{ -4.9 | int }}", "42|26|255|12|0||5|5|4|-4"),
        // filter block
        ("{% filter upper %}a{{ s }}{% endfilter %}|{% filter replace(\"l\", \"L\") %}hello{% endfilter %}", "AHELLO WORLD|heLLo"),
    ]

    @Test(arguments: rows)
    func renders(template: String, expected: String) throws {
        #expect(try renderTable(template) == expected)
    }
}
