package config

import "qingdan/msg"

// What validateTheme says of a theme name.
var (
	themeTooLong = msg.New("config.theme-too-long",
		"主题名有 %d 个字节，超过了 %d 个字节的上限",
		"the theme name is %d bytes long, over the limit of %d")
	themeNotName = msg.New("config.theme-not-name",
		"theme = %q 不是一个主题名：主题是 site.toml 旁边 themes 文件夹里的一个文件夹，不能是别处的路径",
		"theme = %q is not a theme name: a theme is a folder in the themes folder beside site.toml, not a path elsewhere")
	themeMissing = msg.New("config.theme-missing",
		"没有主题 %q：找不到文件夹 %s",
		"there is no theme %q: no folder %s")
	themeHint = msg.New("config.theme-hint",
		"写 theme = \"default\"（内置主题），或 themes 文件夹里某个文件夹的名字，如 theme = \"gov\"",
		"write theme = \"default\" (the built-in theme), or the name of a folder in the themes folder, such as theme = \"gov\"")
)
