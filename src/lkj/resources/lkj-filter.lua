--[[
lkj-filter.lua: turn a notebook read with `-f ipynb --ipynb-output=all` into book content.

Pandoc's own choice of output representation (`--ipynb-output=best`) does not parse
text/markdown and drops text/html for typst, so this filter chooses per output instead:
  1. text/markdown  -> parsed with pandoc's markdown reader (lkj.book.display emits this);
  2. an image       -> kept (a figure that was not passed through lkj.book.display.figure);
  3. text/html      -> kept for the html target only;
  4. text/plain     -> kept as verbatim text when nothing richer exists.
Code (cell inputs) and stream output (print, warnings) never reach the book, nor does any
cell tagged `remove-cell` (the Jupyter Book/Quarto tag), e.g. a markdown cell that titles the
notebook for reviewers.

It also applies what depends on the target, given as metadata `lkj-target` ("html",
"typst" or "docx") because the filter runs while reading to pandoc JSON, not while writing:
  - for docx, raw HTML blocks are read back as pandoc elements (Word takes no raw HTML) and
    content visible in the HTML book is visible in Word too;
  - `.content-visible` / `.content-hidden` divs with `when-format` (Quarto's convention);
  - links and images to anything but http(s), mailto or the book itself lose their target;
  - for typst, spans `.lkj-value` become `#lkj-value("id")[text]` (the hook the typst
    template defines), and lkj's own wrapper divs are unwrapped, because typst page-level
    rules (landscape pages) are not allowed inside the `#block` pandoc makes of a div.
]]

local target = "html"
local MARKDOWN = "markdown-citations-raw_tex-tex_math_dollars-tex_math_single_backslash"

local function has_class(el, name)
  for _, c in ipairs(el.classes) do
    if c == name then return true end
  end
  return false
end

local function first(blocks, pred)
  for _, b in ipairs(blocks) do
    if pred(b) then return b end
  end
  return nil
end

local function is_image_block(b)
  if b.t == "Figure" then return true end
  if (b.t == "Para" or b.t == "Plain") and #b.content == 1 and b.content[1].t == "Image" then
    return true
  end
  return false
end

-- One output of a code cell -> the blocks that represent it for this target.
local function choose_output(div)
  if has_class(div, "stream") or has_class(div, "error") then
    return {}
  end
  local md = first(div.content, function(b) return b.t == "RawBlock" and b.format == "markdown" end)
  if md then
    return pandoc.read(md.text, MARKDOWN).blocks
  end
  local img = first(div.content, is_image_block)
  if img then return { img } end
  if target == "html" then
    local h = first(div.content, function(b) return b.t == "RawBlock" and b.format == "html" end)
    if h then return { h } end
  end
  local plain = first(div.content, function(b) return b.t == "CodeBlock" end)
  if plain then return { plain } end
  return {}
end

local function cell_blocks(cell)
  local out = {}
  for _, b in ipairs(cell.content) do
    if b.t == "Div" and has_class(b, "output") then
      for _, x in ipairs(choose_output(b)) do table.insert(out, x) end
    elseif b.t == "CodeBlock" and has_class(cell, "code") then
      -- the cell's source code: the book shows no code
    else
      table.insert(out, b)
    end
  end
  return out
end

local function format_matches(fmt)
  -- The Word edition is the HTML book on pages: it shows what the HTML book shows.
  return fmt == target or (fmt == "pdf" and target == "typst")
    or (fmt == "html" and target == "docx")
end

local function visibility(div)
  local when = div.attributes["when-format"]
  if when and has_class(div, "content-visible") then
    return format_matches(when) and div.content or {}
  end
  if when and has_class(div, "content-hidden") then
    return format_matches(when) and {} or div.content
  end
  return nil
end

local function typst_string(s)
  return '"' .. s:gsub("\\", "\\\\"):gsub('"', '\\"') .. '"'
end

-- Links only to http(s), mailto or inside the book: a `javascript:`/`data:`/`file:` target
-- from any text (lkj check refuses them in analyst texts already) never reaches a reader.
local SAFE_SCHEMES = { http = true, https = true, mailto = true }

local function safe_target(url)
  local plain = url:gsub("[%c%s]", "")
  local scheme = plain:match("^([%a][%w+.-]*):")
  return scheme == nil or SAFE_SCHEMES[scheme:lower()] == true
end

local target_filter = {
  Link = function(link)
    if not safe_target(link.target) then return link.content end
    return nil
  end,
  Image = function(img)
    -- lkj's own figures are embedded PNGs (data:image/png): an image, never a script
    if not (safe_target(img.src) or img.src:match("^data:image/png;base64,")) then
      return img.caption
    end
    return nil
  end,
  RawBlock = function(raw)
    -- Word cannot take raw HTML: read lkj's exact HTML (tables with row/column spans,
    -- signature blocks) back into pandoc elements that the docx writer turns into Word tables.
    if target == "docx" and raw.format == "html" then
      return pandoc.read(raw.text, "html").blocks
    end
    return nil
  end,
  Div = function(div)
    local shown = visibility(div)
    if shown then return shown end
    if target == "typst" and (has_class(div, "lkj-table") or has_class(div, "lkj-lampiran")) then
      return div.content
    end
    return nil
  end,
  Span = function(span)
    if target == "typst" and has_class(span, "lkj-value") then
      local id = span.attributes["data-value-id"] or ""
      local out = { pandoc.RawInline("typst", "#lkj-value(" .. typst_string(id) .. ")[") }
      for _, x in ipairs(span.content) do table.insert(out, x) end
      table.insert(out, pandoc.RawInline("typst", "]"))
      return out
    end
    return nil
  end,
}

local function removed(cell)
  -- pandoc keeps the cell's tags as a JSON list in the attribute "tags"
  local tags = cell.attributes["tags"] or ""
  return tags:find('"remove[-_]cell"') ~= nil
end

function Pandoc(doc)
  if doc.meta["lkj-target"] then
    target = pandoc.utils.stringify(doc.meta["lkj-target"])
  end
  local blocks = {}
  for _, b in ipairs(doc.blocks) do
    if b.t == "Div" and has_class(b, "cell") and removed(b) then
      -- not part of the book
    elseif b.t == "Div" and has_class(b, "cell") then
      for _, x in ipairs(cell_blocks(b)) do table.insert(blocks, x) end
    else
      table.insert(blocks, b)
    end
  end
  doc.blocks = pandoc.Blocks(blocks)
  -- Divs nest (visibility inside an lkj wrapper); walk until nothing changes shape.
  doc = doc:walk(target_filter)
  return doc
end
