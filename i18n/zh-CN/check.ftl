# 排版规则检查（行首禁则、行尾禁则、孤字等）：检查结果（src/check/**）和
# `banmian check`（src/cmd/check.rs）。

check-finding = 第 { $page } 版，{ $region }，第 { $line } 行：{ $detail }：“{ $text }”

## 版面上的区域。

check-region-column = 第 { $column } 栏
check-region-head = 标题区
check-region-sidebar = 侧栏
check-region-photos = 图片区
check-region-foot = 版面底部

## 违反了什么规则。

check-line-start = 行首出现“{ $mark }”（违反行首禁则）
check-line-end = 行尾出现“{ $mark }”（违反行尾禁则）
check-split-pair = “{ $pair }”被拆在两行
check-single-char-line = 段末一行只有一个字（孤字）
check-half-width = 汉字之间有半角标点“{ $marks }”
# 码位必须紧跟在 U+ 之后（印前检查要据此找回这个字）。
check-tofu = 没有字体含有 U+{ $code }“{ $character }”，印出来会是空框
check-head-at-foot = 小标题落在栏底
check-widow = 栏首是上一段的末行
check-grid = 这一行排了 { $cells } 个字，应为每行 { $grid } 字

## `banmian check`。

check-grid-of-page = 第 { $page } 版：{ $columns } 栏，每行 { $chars } 字
check-summary = { $edition } 共有 { $n } 处排版问题
