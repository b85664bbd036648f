package dev.handoff.server;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ChildElementXPathFactoryTest {

    private static final String MAPPER = """
            <?xml version="1.0"?>
            <mapper namespace="x">
              <resultMap id="first"/>
              <sql id="columns">A, B</sql>
              <select id="one"><selectKey keyProperty="id"/>select 1<include refid="columns"/></select>
              <insert id="two"/>
              <!-- a comment between statements -->
              <resultMap id="second"/>
              <update id="three"><selectKey keyProperty="a"/><selectKey keyProperty="b"/></update>
              <delete id="four"><if test="x"><selectKey keyProperty="nested"/></if></delete>
              <other:select xmlns:other="urn:other" id="in-a-namespace"/>
              <select xmlns="urn:default" id="in-a-default-namespace"/>
            </mapper>
            """;

    private static final List<String> EXPRESSIONS = List.of("selectKey", "select|insert|update|delete", "resultMap",
            "/mapper", "/mapper/resultMap", "/mapper/sql", "/mapper/select", "cache", "include", "if", "select|select",
            "mapper", "/resultMap", "nothing|nowhere");

    private final XPath jdk = XPathFactory.newDefaultInstance().newXPath();
    private final XPath fast = new ChildElementXPathFactory().newXPath();

    @Test
    void element_paths_find_the_same_nodes_as_the_jdk_in_documents_parsed_with_and_without_namespaces() throws Exception {
        for (boolean namespaceAware : new boolean[] {false, true}) {
            Document document = parse(namespaceAware);
            List<Node> contexts = new ArrayList<>(List.of(document, document.getDocumentElement()));
            NodeList statements = (NodeList) jdk.evaluate("/mapper/*", document, XPathConstants.NODESET);
            for (int index = 0; index < statements.getLength(); index++) {
                contexts.add(statements.item(index));
            }
            for (Node context : contexts) {
                for (String expression : EXPRESSIONS) {
                    // when
                    List<Node> expected = nodes(jdk, expression, context);
                    List<Node> found = nodes(fast, expression, context);

                    // then
                    assertThat(found).as("%s from %s (namespace aware: %s)", expression, context.getNodeName(),
                            namespaceAware).containsExactlyElementsOf(expected);
                    assertThat(fast.evaluate(expression, context, XPathConstants.NODE))
                            .as("first %s from %s", expression, context.getNodeName())
                            .isSameAs(expected.isEmpty() ? null : expected.get(0));
                }
            }
        }
    }

    @Test
    void absolute_paths_start_at_the_root_of_a_detached_tree_as_in_the_jdk() throws Exception {
        // given a statement copied out of its document
        Document document = parse(false);
        Node statement = ((Node) jdk.evaluate("/mapper/update", document, XPathConstants.NODE)).cloneNode(true);

        // then
        for (String expression : List.of("/update", "/selectKey", "/update/selectKey", "selectKey")) {
            assertThat(nodes(fast, expression, statement)).as(expression)
                    .containsExactlyElementsOf(nodes(jdk, expression, statement));
        }
    }

    @Test
    void every_other_question_is_answered_by_the_jdk() throws Exception {
        Document document = parse(false);
        assertThat(fast.evaluate("count(/mapper/*)", document, XPathConstants.NUMBER)).isEqualTo(9.0);
        assertThat(fast.evaluate("/mapper/select/@id", document)).isEqualTo("one");
        assertThat(fast.evaluate("selectKey", document.getDocumentElement(), XPathConstants.STRING)).isEqualTo("");
        assertThat(nodes(fast, "//selectKey", document)).hasSize(4);
        assertThat(nodes(fast, "/mapper/update/selectKey[2]", document)).containsExactlyElementsOf(
                nodes(jdk, "/mapper/update/selectKey[2]", document));
        assertThat(fast.evaluate("/mapper/insert/@id", new InputSource(new StringReader(MAPPER.strip()))))
                .isEqualTo("two");
    }

    @Test
    void installing_it_makes_it_the_factory_jaxp_hands_out_unless_another_was_chosen() {
        String before = System.getProperty(ChildElementXPathFactory.PROPERTY);
        try {
            // given no choice yet, when installed
            System.clearProperty(ChildElementXPathFactory.PROPERTY);
            ChildElementXPathFactory.install();

            // then
            assertThat(XPathFactory.newInstance()).isInstanceOf(ChildElementXPathFactory.class);

            // given another choice, when installed
            System.setProperty(ChildElementXPathFactory.PROPERTY, "com.example.TheirXPathFactory");
            ChildElementXPathFactory.install();

            // then
            assertThat(System.getProperty(ChildElementXPathFactory.PROPERTY)).isEqualTo("com.example.TheirXPathFactory");
        } finally {
            if (before == null) {
                System.clearProperty(ChildElementXPathFactory.PROPERTY);
            } else {
                System.setProperty(ChildElementXPathFactory.PROPERTY, before);
            }
        }
    }

    private static List<Node> nodes(XPath xpath, String expression, Node context) throws Exception {
        NodeList list = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
        List<Node> nodes = new ArrayList<>();
        for (int index = 0; index < list.getLength(); index++) {
            nodes.add(list.item(index));
        }
        return nodes;
    }

    private static Document parse(boolean namespaceAware) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(namespaceAware);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(MAPPER.strip())));
    }
}
