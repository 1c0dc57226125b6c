// Stylesheets are Vite's business; tests that import a route with CSS get this empty module instead.
export default ''
