"""MDX in the preview (editor/core/site/site_syntax/mdx.py)."""

from syntaxrender import render


def mdx(text: str) -> str:
    return render(text, "astro", file_type=".mdx")


def test_top_level_import_and_export_blocks_are_hidden():
    html = mdx(
        "import { Aside } from '@astrojs/starlight/components';\n"
        "import {\n  Tabs,\n  TabItem,\n} from 'x';\n\nexport const meta = {a: 1};\n\n# Title\n"
    )
    assert html == "<h1>Title</h1>\n"


def test_import_in_a_paragraph_a_list_or_a_quote_is_text():
    html = mdx("Text\nimport this\n\n- export that\n\n> import quoted\n")
    assert "import this" in html and "export that" in html and "import quoted" in html


def test_import_among_a_components_children_is_hidden():
    html = mdx("<Preview>\n\nimport code from './a.json?raw';\n\nText.\n\n</Preview>\n")
    assert "import" not in html and "<p>Text.</p>" in html


def test_a_self_closing_component_is_a_box_with_its_attributes():
    html = mdx('<Badge text="New & <b>" variant="tip" size={2} />\n')
    assert 'class="site-syntax component"' in html
    assert (
        "<b>Badge</b> text=&quot;New &amp; &lt;b&gt;&quot; variant=&quot;tip&quot; size={2}" in html
    )


def test_a_component_with_children_renders_them_as_markdown_nested():
    html = mdx(
        '<Tabs>\n  <TabItem label="npm">\n  ```sh\n  npm i\n  ```\n  </TabItem>\n'
        '  <TabItem label="pnpm">\n  Use **pnpm**.\n  </TabItem>\n</Tabs>\n\nAfter.\n'
    )
    assert html.count("<table") == 3
    assert '<code class="language-sh">npm i\n</code>' in html
    assert "<p>Use <strong>pnpm</strong>.</p>" in html
    assert "label=&quot;npm&quot;" in html and "label=&quot;pnpm&quot;" in html
    assert html.endswith("<p>After.</p>\n")
    assert "&lt;TabItem" not in html and "</TabItem>" not in html


def test_an_inline_component_and_its_children():
    html = mdx('A <Badge text="x" /> and <Kbd mod>Ctrl *C*</Kbd>.\n')
    assert "<b>Badge</b> text=&quot;x&quot;" in html
    assert "<b>Kbd</b> mod]</span>Ctrl <em>C</em><span" in html


def test_expressions_are_code_and_comments_hidden():
    html = mdx("Value {props.a + '}'} here.\n\n{/* hidden note */}\n\n{items.map(i => i)}\n")
    assert '<code class="site-syntax expression">{props.a + &#x27;}&#x27;}</code>' in html or (
        "<code class=\"site-syntax expression\">{props.a + '}'}</code>" in html
    )
    assert "hidden note" not in html
    assert "{items.map(i =&gt; i)}" in html


def test_indented_text_is_not_code_in_mdx():
    assert mdx("<Aside>\n    Indented text.\n</Aside>\n").count("<pre>") == 0


def test_a_md_file_of_an_astro_site_is_not_mdx():
    html = render("import x from 'y'\n\n<Badge />\n", "astro", file_type=".md")
    assert "import x" in html


def test_an_mdx_file_is_mdx_whatever_the_site():
    for generator in ("plain", "eleventy", "nextjs"):
        html = render("import x from 'y'\n\n<Badge a='1' />\n", generator, file_type=".mdx")
        assert "import" not in html and "<b>Badge</b> a='1'" in html
