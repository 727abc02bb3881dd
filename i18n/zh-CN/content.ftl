# content：稿件内容模型（src/content/），编辑写的内容及其中的问题。
# 字段名、文件路径、选项名保持原样（半角），说明文字用全角标点。

## 消息中的列举

content-list-sep = 、

## 源文件（source.rs）

content-file-over-limit = 文件超过了大小上限（{ $source }）
content-file-not-utf8 = 文件不是 UTF-8 编码，请以 UTF-8 编码另存后再试

## 排印文字（display.rs）

content-control-char = 含有控制字符 U+{ $code }，无法排版

## edition.toml（edition.rs）

content-edition-toml-limit = edition.toml 自身的大小上限，[limits] 不能更改
content-not-edition-folder = 不是一期报纸的文件夹（没有这个目录）
content-paper-empty = 报名（paper）是空的
content-date-invalid = 日期应写成 2021-03-01 这样的格式（不带时间）
content-masthead-cn-invalid = { $text } 不是有效的国内统一连续出版物号，应写成 CN42-0078 这样的格式
content-masthead-postal-invalid = { $text } 不是有效的邮发代号，应写成 37-35 这样的格式
content-logo-not-found = 报头标志图片 { $file } 不存在
content-pages-empty = 一期报纸至少要有一个 [[pages]] 版面条目
content-page-no-articles = 每个版面至少要有一篇稿件
content-page-number-range = 版次应为 1 到 999 之间的整数
content-page-listed-twice = 第 { $page } 版重复列出（第一次在 { $first }）
content-article-not-found = 稿件文件 { $name } 不存在
content-article-outside = 稿件文件 { $name } 指向了本期文件夹之外
content-article-listed-twice = 稿件文件 { $name } 重复列出（第一次在 { $first }）
content-article-on-two-pages = 稿件文件 { $name } 已列在第 { $first_page } 版（{ $first }），又列在第 { $page } 版：一篇稿件只排在一个版上
content-edition-id-unsafe = 本期文件夹名 { $name } 不能用作本期的标识名（只能含字母、数字和 -、_、.）
content-edition-id-reserved = 本期文件夹名 { $name } 是保留名称（{ $why }），请给文件夹改名
content-format-size = 版面宽度 width_mm 和高度 height_mm 应在 50 到 2000 毫米之间
content-format-columns = 栏数 columns 应为 1 到 20 之间的整数
content-format-bleed = 出血 bleed_mm 应在 0 到 20 毫米之间
content-layouts-none = 目前没有任何版式
content-layouts-list = 现有版式：{ $names }
content-layout-not-a-name = { $name } 不是合法的版式名（只能含字母、数字和 -、_）；{ $known }
content-layout-no-render = { $dir }/{ $name }.typ 不是版式模板（其中没有定义 `render`）；{ $known }
content-layout-missing = { $dir } 中没有版式 { $name }；{ $known }
content-article-path-not-inside = { $name } 应为本期文件夹内的路径
content-article-not-md = { $name } 不是稿件文件（稿件应为 .md 文件）

## 稿件文件（article.rs）

# headline 可以写成什么（接在“应为”之后）。
content-expect-headline = 一段文字，或由几段文字组成的列表
content-front-matter-no-open = 稿件应以一行 `+++` 开头，由它开始稿头信息
content-front-matter-unclosed = 从这里开始的稿头信息没有结束（缺少收尾的 `+++` 行）
content-fence-invisible = 稿头信息的这一 `+++` 行中有 U+{ $code }，这个字符{ $what }
content-continues-on-range = continues_on = { $value }：应为本期某一版的版次（1 到 999）
content-article-too-long = 稿件共 { $total } 字，其中 { $most } 字在{ $part ->
        [body] 正文
       *[front] 稿头信息
    }里；上限是 { $limit } 字（edition.toml 中的 [limits] article_chars），远远超过一个版面能容纳的字数
content-article-no-body = 稿件没有正文
content-text-empty = 不能为空
content-headline-empty = 主标题至少要有一句不为空的文字
content-photos-too-many = 稿件有 { $count } 张图片，上限是 { $limit } 张（edition.toml 中的 [limits] photos）
content-picture-missing = 图片 { $name } 不存在，暂以占位框代替
content-picture-path-outside = 图片路径 { $name } 指向了本期文件夹之外
content-picture-misnamed = 图片 { $name } 实为 { $format } 文件，扩展名却是 .{ $ext }；按其实际格式 { $format } 排版（请把扩展名改为 .{ $proper }）
content-focus-invalid = 应为两个 0 到 1 之间的小数，依次表示横向和纵向的位置，如 [0.5, 0.3]
content-picture-path-not-relative = 图片路径 { $name } 应为相对路径，且不能超出本期文件夹

## 图片排版要求（hints.rs）

content-aspect-invalid = aspect { $raw }：应写成 "3:2"、"2:3" 这样的宽:高比例，或 1.5 这样的数字
content-aspect-range = aspect { $raw }：图片框的宽高比应在 1:5 到 5:1 之间
content-max-crop-invalid = max_crop { $value }：应为 0 到 0.8 之间的小数（图片面积最多可裁去的比例）
content-columns-invalid = columns { $value }：栏数应为 1 到 20 之间的整数

## 图片（picture.rs）：“图片 <文件>”及其问题

content-picture-problem = 图片 { $file }：{ $problem }
content-picture-empty = 图片 { $file } 是空文件（0 字节）
content-picture-fault = 图片 { $file } { $fault }
content-picture-not-jpeg-png = 不是 JPEG 或 PNG 图片
content-picture-no-pixels = 没有像素（{ $width } × { $height }）
content-picture-too-many-pixels = 有 { $width } × { $height } 像素（共 { $pixels } 像素），上限是 { $limit } 像素（{ $setting }）
content-picture-too-large-decoded = 有 { $width } × { $height } 像素，解码后将占用 { $size }，上限是 { $limit }（{ $setting }）

## PNG 文件结构（picture/png.rs），接在“图片 <文件>”之后

content-png-no-ihdr = 已损坏（PNG 文件不是以 IHDR 数据块开头）
content-png-no-iend = 不完整，文件被截断（PNG 文件缺少 IEND 结束块）
content-png-chunk-past-end = 不完整，文件被截断（某个 PNG 数据块超出了文件末尾）
content-png-chunk-no-crc = 不完整，文件被截断（某个 PNG 数据块缺少校验码）
content-png-crc = 已损坏（第 { $pos } 字节处的 PNG 数据块 { $chunk } 未通过 CRC 校验）
content-png-colour-type = 已损坏（未知的 PNG 颜色类型）
content-png-bit-depth = 已损坏（PNG 位深 { $depth } 与颜色类型 { $colour_type } 不相容）
content-png-interlace = 已损坏（未知的 PNG 隔行扫描方式）
content-png-no-data = 已损坏（PNG 文件没有图像数据）
content-png-inflate = 已损坏（PNG 图像数据无法解压：{ $error }）
content-png-too-much = 已损坏（PNG 图像数据解压后超过了文件头所示的 { $expected } 字节）
content-png-too-little = 不完整，文件被截断（PNG 图像数据解压后只有 { $total } 字节，文件头所示应为 { $expected } 字节）

## JPEG 文件结构（picture/jpeg.rs），接在“图片 <文件>”之后

content-jpeg-cut = 不完整，文件被截断（JPEG 文件在文件头部分就结束了）
content-jpeg-no-end = 不完整，文件被截断（JPEG 文件缺少图像结束标记）
content-jpeg-marker-expected = 已损坏（此处应为 JPEG 标记）
content-jpeg-no-image-data = 已损坏（JPEG 文件在图像数据之前就结束了）
content-jpeg-segment-length = 已损坏（JPEG 数据段长度有误）
content-jpeg-two-frames = 已损坏（JPEG 文件有两个帧头）
content-jpeg-restart-interval = 已损坏（JPEG 重启间隔段过短）
content-jpeg-huffman-table = 已损坏（JPEG 霍夫曼表有误）
content-jpeg-data-before-frame = 已损坏（JPEG 图像数据出现在帧头之前）
content-jpeg-scan-header = 已损坏（JPEG 扫描头有误）
content-jpeg-progressive-missing = 不完整，文件被截断（渐进式 JPEG 在图像各部分都开始之前就结束了：缺少扫描数据）
content-jpeg-data-too-small = 不完整，文件被截断（JPEG 图像数据只有 { $bytes } 字节，不足以构成 { $width } × { $height } 像素的图像）
content-jpeg-frame-short = 已损坏（JPEG 帧头过短）
content-jpeg-components = 已损坏（JPEG 颜色分量的个数不明）
content-jpeg-sampling = 已损坏（JPEG 采样因子有误）
content-jpeg-progressive-header = 已损坏（JPEG 渐进式扫描头有误）
content-jpeg-undefined-table = 已损坏（JPEG 扫描用到了未定义的霍夫曼表）
content-jpeg-unknown-component = 已损坏（JPEG 扫描了不存在的颜色分量）
content-jpeg-ac-several = 已损坏（JPEG 渐进式 AC 扫描包含多个颜色分量）
content-jpeg-stops-after = 不完整，文件被截断（JPEG 图像数据在第 { $at } 字节处中断，{ $total } 个块中只有 { $done } 个）
content-jpeg-bad-code = 已损坏（JPEG 中有任何霍夫曼表里都没有的编码）
content-jpeg-stops-at = 不完整，文件被截断（JPEG 图像数据在第 { $at } 字节处中断）
content-jpeg-restart-missing = 已损坏（缺少 JPEG 重启标记）

## 印刷设置（print.rs）

content-house-print-limit = 本社 print.toml 自身的大小上限
content-ink-limit-invalid = { $value } 不是有效的总墨量上限，应为 100 到 400 之间的百分比
content-min-ppi-invalid = { $value } 不是有效的分辨率，应在 1 到 10000 ppi 之间
content-colour-invalid = { $value } 不是可用的印刷色彩：应为 "cmyk"（四色）或 "gray"（黑白）
content-intent-invalid = { $value } 不是有效的渲染意图：应为 "relative"、"perceptual"、"saturation" 或 "absolute"
content-profile-needs-condition = 设了 ICC 色彩配置文件（profile），就要给出它所对应印刷条件的注册名称：请添加 { $prefix }condition（OutputConditionIdentifier，如 "FOGRA48"）
content-profile-stray-field = { $name } 描述的是输出意图的色彩配置文件，但没有给出 { $prefix }profile
content-profile-name-empty = 色彩配置文件（profile）的文件名是空的
content-profile-outside = 色彩配置文件 { $name } 指向了本期文件夹之外
content-profile-not-found = 色彩配置文件 { $path } 不存在
content-profile-not-file = { $path } 不是文件
content-profile-too-large = { $path } 有 { $bytes } 字节，比任何印刷配置文件都大（最多 { $max } MB）
content-profile-unreadable = 无法读取 { $path }：{ $error }
content-profile-wrong = { $path }：{ $why }

## 转版（jump.rs）

content-jump-listed-on-two-pages = 稿件文件 { $name } 已列在第 { $first_page } 版（{ $first }），又列在第 { $page } 版：一篇稿件只排在一个版上；如要转到另一版接排，请在稿头信息中写 `continues_on = { $page }`
content-jump-no-page = continues_on = { $to }：本期没有第 { $to } 版（现有版次：{ $pages }）
content-jump-not-later = continues_on = { $to }：稿件只能转到本版（第 { $from } 版）之后的版面
content-jump-not-news = continues_on = { $to }：第 { $to } 版的版式是 { $layout }，转版接排的部分只能排在新闻版（news）上
content-jump-whole-story = continues_on = { $to }：第 { $from } 版（版式 { $layout }）整版只排一篇稿件；只有排多篇稿件的版面才能转版（新闻版，或有两篇及以上稿件的头版）

## 正文（body.rs）

content-head-empty = 小标题（`## `）没有文字
content-bold-unclosed = 这里的加粗标记 `**` 在同一段内没有配对的结束标记

## 没有字体能排的字符（coverage.rs）

content-char-finding = U+{ $code } { $char } { $what }
content-char-private-use = 是私用区字符（通常是 OCR 或其他系统对生僻字的编码），请对照原稿核实
content-char-no-font = 在本次排版可用的字体中都没有，印出来会是一个空框

## 稿件检查（copy_check.rs）

content-credit-suffix = “{ $value }”已以“{ $ending }”结尾：图片说明照原样印出，不再加“摄”
content-copy-markup = 这一行的开头像 { $what }，而稿件格式里没有这种标记（只有 `## ` 小标题和 **加粗**），将照原样印出
content-markup-head = `## ` 以外的 Markdown 标题
content-markup-list = Markdown 列表项
content-markup-quotation = Markdown 引用
content-markup-numbered = Markdown 编号列表项
content-copy-doubled = { $pair }：标点重复（或该用一个标点处用了两个）
content-copy-unpaired = 本段的标点不成对：{ $list }
content-copy-unpaired-count = { $pair } 前 { $open } 个、后 { $close } 个
content-copy-unpaired-sep = ；
