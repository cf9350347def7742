import cytoscape from 'cytoscape';
const cy = cytoscape({headless:true, styleEnabled:true, style:[{selector:'node', style:{width:30,height:30}}], elements:[{data:{id:'b'},position:{x:100,y:0}}]});
const n = cy.$('#b');
console.log(cy.nodes(':visible').length, n.width(), n.height(), n.position(), n.visible());
