<?xml version="1.0" encoding="UTF-8"?>
<!-- A minimal TEI -> HTML stylesheet for the benchmark, used only because the TEI
     Stylesheets are not packaged for Debian, PyPI or npm. It does a fraction of their
     work (no numbering, notes, index or CSS), so Saxon's speed with it is an upper bound
     for Saxon with the real Stylesheets. -->
<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:output method="html" version="5.0" encoding="UTF-8"/>
  <xsl:template match="/">
    <html><head><meta charset="utf-8"/>
      <title><xsl:value-of select="normalize-space((//tei:titleStmt/tei:title)[1])"/></title>
    </head><body><xsl:apply-templates select="//tei:text"/></body></html>
  </xsl:template>
  <xsl:template match="tei:div"><section id="{@xml:id}"><xsl:apply-templates/></section></xsl:template>
  <xsl:template match="tei:head"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="tei:p"><p id="{@xml:id}"><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:list"><ol><xsl:apply-templates/></ol></xsl:template>
  <xsl:template match="tei:item"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:quote"><blockquote><xsl:apply-templates/></blockquote></xsl:template>
  <xsl:template match="tei:q"><q><xsl:apply-templates/></q></xsl:template>
  <xsl:template match="tei:persName|tei:placeName|tei:orgName|tei:date|tei:soCalled">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:lb|tei:pb"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:note"/>
  <xsl:template match="tei:*"><span class="{local-name()}"><xsl:apply-templates/></span></xsl:template>
</xsl:stylesheet>
