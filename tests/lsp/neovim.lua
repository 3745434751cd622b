-- Neovim's own LSP client, driven headless: open a map file, wait for argmap's findings, ask for a
-- definition and a hover, fix the typo in the buffer, wait for the finding to go; write what it saw as JSON.
local out = { diagnostics = {}, after = {} }
local root = vim.env.ARGMAP_ROOT
local client = vim.lsp.start_client({
  name = "argmap",
  cmd = { vim.env.ARGMAP_PYTHON, "-m", "argmap", "lsp" },
  root_dir = root,
  init_options = { debounce = 0 },
})
vim.cmd("edit " .. root .. "/maps/more.yaml")
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client)

local function codes()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(found, { line = d.lnum, col = d.col, code = code, message = d.message })
  end
  return found
end

out.published = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
out.diagnostics = codes()

local line = vim.fn.search("fumes--support--thesis") - 1
local col = string.find(vim.fn.getline(line + 1), "thesis", 1, true) - 1
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col } }
local answers = vim.lsp.buf_request_sync(buf, "textDocument/definition", params, 20000) or {}
for _, answer in pairs(answers) do out.definition = answer.result end
answers = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 20000) or {}
for _, answer in pairs(answers) do out.hover = answer.result end

local typo = vim.fn.search("thesiss")
vim.api.nvim_buf_set_lines(buf, typo - 1, typo, false, { "    supports: thesis" })
out.cleared = vim.wait(60000, function()
  for _, d in ipairs(codes()) do
    if d.code == "ARG101" then return false end
  end
  return true
end, 50)
out.after = codes()
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.ARGMAP_OUT)
vim.cmd("qa!")
