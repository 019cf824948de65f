"""Schemas from the CMS config a site already has: Decap and Sveltia (`admin/config.yml`) and
Front Matter CMS (`frontmatter.json`)."""
