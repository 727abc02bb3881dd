# 共用的词语，以及每条消息前的标签。

label-error = 错误：{ $text }
label-warning = 警告：{ $text }
label-note = 提示：{ $text }

## 错误（src/diag.rs）

error-overset = 超版：正文排不进第 { $page } 版，有 { $chars } 字（按每行 { $per_line } 字约 { $lines } 行）排不下
error-overset-from = 超版：正文排不进第 { $page } 版，有 { $chars } 字（按每行 { $per_line } 字约 { $lines } 行）排不下；版面排到“{ $from }”处为止
error-preflight-refuses = 印前检查不予放行：

## 读写错误：按错误类别说明。

io-not-found = 文件或文件夹不存在
io-permission-denied = 没有读写权限
io-already-exists = 文件已存在
io-is-a-directory = 这是文件夹，不是文件
io-not-a-directory = 路径中有一段不是文件夹
io-storage-full = 磁盘已满
io-read-only = 文件系统只读，无法写入
io-invalid-data = 文件内容无效（{ $os }）
io-unexpected-eof = 文件意外结束，可能不完整
io-directory-not-empty = 文件夹不是空的
io-interrupted = 读写被中断，请重试
io-other = 读写失败（{ $os }）

## 看不见的字符会造成什么（src/han.rs），接在字符之后

han-invisible-line-separator = 是看不见的换行符：文字会在它所在处断行；请删除它，或直接另起一行
han-invisible-paragraph-separator = 是看不见的分段符：它所在处会另起一段；请删除它，或空一行分段
han-invisible-byte-order-mark = 是夹在文字中间的看不见的字节顺序标记（BOM，在程序之间复制时带进来的）；请删除它
han-invisible-zero-width = 是看不见的零宽字符（从网页复制时带进来的）；请删除它
han-invisible-direction-control = 是看不见的文字方向控制符：会让它前后的文字倒过来印；请删除它
