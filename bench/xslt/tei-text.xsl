<?xml version="1.0" encoding="UTF-8"?>
<!-- A minimal TEI -> plain text stylesheet for the benchmark (see tei-html.xsl): one
     paragraph per block, headings underlined, no wrapping. -->
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/"><xsl:apply-templates select="//tei:text"/></xsl:template>
  <xsl:template match="tei:head">
    <xsl:variable name="t" select="normalize-space(string-join(.//text(), ''))"/>
    <xsl:value-of select="concat('&#10;', $t, '&#10;', replace($t, '.', '-'), '&#10;&#10;')"/>
  </xsl:template>
  <xsl:template match="tei:p|tei:item|tei:docAuthor|tei:titlePart|tei:label">
    <xsl:value-of select="concat(normalize-space(string-join(.//text()[not(ancestor::tei:note)], '')), '&#10;&#10;')"/>
  </xsl:template>
  <xsl:template match="tei:note"/>
  <xsl:template match="text()"/>
</xsl:stylesheet>
