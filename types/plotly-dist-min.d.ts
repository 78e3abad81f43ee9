// plotly.js-dist-min is the prebuilt bundle of plotly.js: the same API, typed by @types/plotly.js.
declare module 'plotly.js-dist-min' {
  import Plotly from 'plotly.js';
  export default Plotly;
}
