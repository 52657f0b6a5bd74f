--[[
lkj-quarto.lua: what the pandoc renderer's lkj-filter.lua does for typst, as a Quarto filter.

Quarto already keeps raw html/typst blocks for their own format and applies
`.content-visible when-format`; what it cannot know:
  - spans `.lkj-value` become `#lkj-value("id")[text]` in typst (lkj.typ links them to
    their entry in "Jejak Angka"); HTML keeps the span with its data-value-id;
  - lkj's wrapper divs (tables, lampiran) are unwrapped in typst, because typst page-level
    rules (landscape pages) are not allowed inside the `#block` pandoc makes of a div;
  - a table's id comes back from `lkj-id` (quarto_stage hides `#tbl-` ids from Quarto's
    cross-references, which would number lkj's numbered tables again);
  - headings of a chapter in a part (class lkj-in-part) go one level down in typst;
  - a lampiran's HTML heading is left out of typst, where Quarto's book would keep it
    (it is a chapter title) beside lkj's lampiran title page with the same label.
]]

local function has_class(el, name)
  for _, c in ipairs(el.classes) do
    if c == name then return true end
  end
  return false
end

local function typst_string(s)
  return '"' .. s:gsub("\\", "\\\\"):gsub('"', '\\"') .. '"'
end

local function is_typst()
  return FORMAT == "typst"
end

return {
  {
    Span = function(span)
      if not is_typst() or not has_class(span, "lkj-value") then return nil end
      local id = span.attributes["data-value-id"] or ""
      local out = { pandoc.RawInline("typst", "#lkj-value(" .. typst_string(id) .. ")[") }
      for _, x in ipairs(span.content) do table.insert(out, x) end
      table.insert(out, pandoc.RawInline("typst", "]"))
      return out
    end,
    Div = function(div)
      -- the id the staging step kept from Quarto's cross-reference parser (tbl-...)
      local id = div.attributes["lkj-id"]
      if id then
        div.identifier = id
        div.attributes["lkj-id"] = nil
      end
      if is_typst() and (has_class(div, "lkj-table") or has_class(div, "lkj-lampiran")) then
        return div.content
      end
      return div
    end,
    Header = function(h)
      if not is_typst() then return nil end
      -- a lampiran's HTML title; the PDF has its own title page (lkj-lampiran figure)
      if has_class(h, "lkj-lampiran") then return {} end
      -- a chapter of a part (quarto_stage): one level below the part title, as in the
      -- pandoc renderer's PDF
      if has_class(h, "lkj-in-part") and h.level < 6 then
        h.level = h.level + 1
        return h
      end
      return nil
    end,
  },
}
