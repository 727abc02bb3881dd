# TOML 与 serde 的出错信息，用编辑部的话重说一遍（src/content/toml_de/）。

toml-invalid-type = 类型不对：这里写的是{ $found }，应为{ $expected }
toml-invalid-value = 值不对：这里写的是{ $found }，应为{ $expected }
toml-invalid-length = 个数不对：这里有 { $n } 项，应为{ $expected }
toml-missing-field = 缺少字段 `{ $field }`
toml-duplicate-field = 字段 `{ $field }` 写了两次
toml-unknown-field = 没有 `{ $name }` 这个字段，可用的字段：{ $choices }
toml-unknown-field-none = 没有 `{ $name }` 这个字段，这里不能写任何字段
toml-unknown-variant = `{ $name }` 不是可选的值，可选：{ $choices }
toml-unknown-variant-none = `{ $name }` 不是可选的值
toml-list-separator = 、
toml-did-you-mean = ；是不是要写 `{ $name }`？

## 写的是什么

toml-found-string = 文字 { $value }
toml-found-integer = 整数 { $value }
toml-found-float = 小数 { $value }
toml-found-boolean = 真假值 { $value }
toml-found-character = 字符 { $value }
toml-found-list = 列表
toml-found-table = 一组字段
toml-found-nothing = 空值

## 应该写什么

toml-expected-whole-number = 整数
toml-expected-number = 数字
toml-expected-string = 用英文双引号 "…" 括起来的文字
toml-expected-boolean = true 或 false
toml-expected-character = 一个字符
toml-expected-list = 方括号 [ … ] 括起来的列表
toml-expected-table = 一组字段
toml-expected-string-or-list = 一段文字，或方括号括起来的几段文字
toml-expected-datetime = 日期，如 2021-03-01

## TOML 写法

toml-syntax-other = TOML 写法有误：{ $text }
toml-syntax-expected = { $description }，这里应为 { $expected }
toml-syntax-unquoted-string = 文字没有用英文双引号 "…" 括起来
toml-syntax-unquoted-string-expected = 文字没有用英文双引号 "…" 括起来
toml-syntax-duplicate-key = 同一个字段写了两次
toml-syntax-invalid-string = 文字的写法有误（引号没有配对？）
toml-syntax-invalid-basic-string = 双引号括起来的文字有误（引号没有配对，或反斜杠 \ 用错了）
toml-syntax-invalid-multiline-string = 三引号 """ 括起来的多行文字有误
toml-syntax-invalid-literal-string = 单引号括起来的文字有误
toml-syntax-invalid-key = 字段名有误：字段名只能用英文字母、数字、- 和 _
toml-syntax-key-without-value = 字段后面没有值
toml-syntax-missing-value = 缺少值
toml-syntax-invalid-value = 值的写法有误
toml-syntax-missing-assignment = 字段和值之间缺少等号 =
toml-syntax-extra-assignment = 多了一个等号 =
toml-syntax-missing-comma-array = 列表各项之间缺少英文逗号 ,
toml-syntax-missing-comma-table = 字段之间缺少英文逗号 ,
toml-syntax-extra-comma = 多了一个逗号
toml-syntax-unclosed-array = 列表缺少右方括号 ]
toml-syntax-unclosed-table = 表名缺少右方括号 ]
toml-syntax-unclosed-inline-table = 缺少右花括号 {"}"}
toml-syntax-missing-opening-quote = 缺少开头的引号
toml-syntax-bad-escape = 反斜杠 \ 用错了：后面应是 \n、\" 或 \u 加四位十六进制数这样的转义
toml-syntax-unexpected-content = 这里有多余的内容
toml-syntax-invalid-comment = 注释里有不能用的字符
toml-syntax-leading-zero = 数字不能以 0 开头
toml-syntax-lone-carriage-return = 回车符后面应有换行符
toml-syntax-number-too-large = 数字太大
toml-syntax-empty-key = 字段名不能为空
toml-syntax-invalid-pair = “字段 = 值”的写法有误
toml-want-literal-string = 单引号括起来的文字
toml-want-basic-string = 双引号括起来的文字
toml-want-multiline-string = 三引号括起来的多行文字
toml-want-key = 字段名
toml-want-value = 值
toml-want-digits = 数字
toml-want-nothing = 行尾（后面不应再有内容）
toml-want-letters = 字母

## 输入法在 TOML 要求半角的地方打出的全角符号

toml-full-width-quotes = 值两边用了中文全角引号“…”：文字要用英文半角双引号 "…" 括起来（切换到英文输入状态再打引号）
toml-full-width-equals = 用了全角等号＝：字段和值之间要用英文半角等号 =（切换到英文输入状态再打）
toml-surrogate = `{ $escape }` 是 UTF-16 代理项，只是半个字符，TOML 里不能单独出现：请直接写出这个字符，或写 `\U` 加完整的码位（如 `\U0001F600`）

## 日期和时间（TOML 日期解析器的用语）

toml-syntax-too-deep = 方括号或花括号套得太深，无法读取
toml-syntax-invalid-date = 日期不对
toml-syntax-invalid-time = 时间不对
toml-syntax-invalid-offset = 时区写法不对
toml-syntax-invalid-datetime = 日期时间的写法不对
toml-want-year = 四位数的年份（YYYY）
toml-want-two-digit = 两位数的{ $unit }
toml-want-between = { $low } 到 { $high } 之间的{ $unit }
toml-unit-year-or-hour = 年份或小时
toml-unit-month = 月份
toml-unit-day = 日
toml-unit-hour = 小时
toml-unit-minute = 分钟
toml-unit-second = 秒
toml-unit-nanosecond = 纳秒
