package preview

import "qingdan/msg"

// What the preview says, in the terminal and on the pages it serves.
var (
	boxTitle = msg.New("preview.box.title",
		"内容有错误：网站没有更新，仍显示上一次成功生成的版本。改正下列问题并保存后，页面会自动刷新。",
		"The content has mistakes: the site was not rebuilt and still shows the last good build. Fix the problems below and save; the page reloads by itself.")
	errorPageText = msg.New("preview.error_page",
		`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网站生成失败</title></head><body><h1>网站生成失败</h1><p>内容或设置有错误，网站还没有生成成功。改正下方列出的问题并保存后，本页会自动刷新。</p></body></html>`,
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The site could not be built</title></head><body><h1>The site could not be built</h1><p>The content or the settings have mistakes, and the site has not been built yet. Fix the problems listed below and save; this page reloads by itself.</p></body></html>`)
	notFoundText = msg.New("preview.not_found",
		`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面不存在</title></head><body><h1>页面不存在</h1></body></html>`,
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><h1>Page not found</h1></body></html>`)
	logBuilt       = msg.New("preview.built", "qingdan serve: 已生成，用时 %v：%d 个文件", "qingdan serve: built in %v: %d files")
	logStillServed = msg.New("preview.still_served", "qingdan serve: 网站有错误；仍在显示上一次成功生成的版本：\n%s", "qingdan serve: the site has problems; still serving the last good build:\n%s")
	logNotBuilt    = msg.New("preview.not_built", "qingdan serve: 网站有错误；改正后保存，预览会重新生成：\n%s", "qingdan serve: the site has problems; fix them and save, and the preview rebuilds:\n%s")
	logFixed       = msg.New("preview.fixed", "qingdan serve: 错误已改正；重新生成，用时 %v：%v", "qingdan serve: problems fixed; rebuilt in %v: %v")
	logRebuilt     = msg.New("preview.rebuilt", "qingdan serve: 重新生成，用时 %v：%v", "qingdan serve: rebuilt in %v: %v")
	logRest        = msg.New("preview.rest_failed", "qingdan serve: 搜索索引和开放数据：%v", "qingdan serve: search index and open data: %v")
	logServing     = msg.New("preview.serving", "预览地址：http://%s%s", "serving http://%s%s")
)
