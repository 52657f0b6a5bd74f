--[[
lkj-quarto.lua: what the pandoc renderer's lkj-filter.lua does for typst, as a Quarto filter.

Quarto already keeps raw html/typst blocks for their own format and applies
`.content-visible when-format`; what it cannot know:
  - spans `.lkj-value` become `#lkj-value("id")[text]` in typst (lkj.typ links them to
    their entry in "Jejak Angka"); HTML keeps the span with its data-value-id;
  - lkj's wrapper divs (tables, lampiran) are unwrapped in typst, because typst page-level
    rules (landscape pages) are not allowed inside the `#block` pandoc makes of a div.
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
      if is_typst() and (has_class(div, "lkj-table") or has_class(div, "lkj-lampiran")) then
        return div.content
      end
      return nil
    end,
  },
}
